import base64
import hashlib
import hmac
import json
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jwt
from joserfc.jwk import KeySet
from jsonschema import Draft201909Validator

from courses.models import Certificate
from courses.openbadges import credential_for, credential_jwt, published_keys, verify_jwt
from courses.services import complete_lesson

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json").read_text()
)


@pytest.fixture
def certificate(make_course, participant):
    course, (lesson,) = make_course(
        lessons=1, mandatory_for="mentor", certificate_validity_months=36
    )
    complete_lesson(learner=participant, lesson=lesson)
    return Certificate.objects.get(holder=participant)


def payload_of(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_credential_validates_against_the_open_badges_3_schema(certificate):
    credential = credential_for(certificate)
    errors = sorted(Draft201909Validator(SCHEMA).iter_errors(credential), key=str)
    assert errors == []
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Mentorkurs"
    assert "Roller og ansvar" in achievement["criteria"]["narrative"]
    assert "kari@example.no" not in json.dumps(credential)  # the e-mail is only hashed


def test_signed_payload_is_the_credential_with_mapped_claims(certificate):
    token = credential_jwt(certificate)
    payload = payload_of(token)
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["sub"] == payload["credentialSubject"]["id"]
    assert "exp" in payload and "nbf" in payload
    credential = {k: v for k, v in payload.items() if k not in {"iss", "jti", "sub", "nbf", "exp"}}
    assert list(Draft201909Validator(SCHEMA).iter_errors(credential)) == []


def test_a_genuine_credential_verifies_and_names_the_certificate(certificate):
    result = verify_jwt(credential_jwt(certificate))
    assert result.problem is None
    assert result.certificate == certificate


@pytest.mark.parametrize("part", [0, 1, 2])
def test_one_changed_character_fails_verification(certificate, part):
    token = credential_jwt(certificate)
    pieces = token.split(".")
    text = pieces[part]
    middle = len(text) // 2
    pieces[part] = text[:middle] + ("A" if text[middle] != "A" else "B") + text[middle + 1 :]
    result = verify_jwt(".".join(pieces))
    assert result.problem in {"signature", "format", "key"}
    assert result.certificate is None


def test_a_tampered_payload_fails_even_when_well_formed(certificate):
    token = credential_jwt(certificate)
    header, payload, signature = token.split(".")
    claims = payload_of(token)
    claims["credentialSubject"]["achievement"]["name"] = "Doktorgrad"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert verify_jwt(f"{header}.{forged}.{signature}").problem == "signature"


def test_a_credential_signed_by_another_key_is_refused(certificate, settings, tmp_path):
    other = tmp_path / "other.pem"
    other.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    original = settings.OPENBADGES_SIGNING_KEY_FILE
    settings.OPENBADGES_SIGNING_KEY_FILE = str(other)
    foreign = credential_jwt(certificate)
    settings.OPENBADGES_SIGNING_KEY_FILE = original
    assert verify_jwt(foreign).problem == "key"


def test_rotated_keys_still_verify_old_credentials(certificate, settings, tmp_path):
    old_token = credential_jwt(certificate)
    old_public = published_keys()[0]
    old_pem = (
        serialization.load_pem_private_key(
            Path(settings.OPENBADGES_SIGNING_KEY_FILE).read_bytes(), password=None
        )
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    new_file = tmp_path / "new.pem"
    new_file.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    settings.OPENBADGES_SIGNING_KEY_FILE = str(new_file)
    assert verify_jwt(old_token).problem == "key"  # before the old key is listed

    settings.OPENBADGES_PREVIOUS_PUBLIC_KEYS = old_pem
    kids = [key["kid"] for key in published_keys()]
    assert kids[1] == old_public["kid"] and kids[0] != old_public["kid"]
    assert verify_jwt(old_token).problem is None


def test_jwks_and_issuer_profile_are_published(client, certificate):
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    assert keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519"
    assert "d" not in keys[0]
    profile = client.get("/openbadges/issuer").json()
    assert profile["type"] == ["Profile"] and profile["name"] == "Mentornett"
    assert payload_of(credential_jwt(certificate))["iss"] == profile["id"]


def test_holder_downloads_the_badge_and_others_cannot(client, certificate, participant):
    from tests.factories import UserFactory

    url = f"/min-side/kursbevis/{certificate.pk}/open-badge/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(participant)
    response = client.get(url)
    assert response["Content-Type"] == "application/jwt"
    assert verify_jwt(response.content.decode()).certificate == certificate


def test_verification_page_accepts_a_file_and_pasted_text(client, certificate):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = credential_jwt(certificate)
    upload = SimpleUploadedFile("kursbevis.jwt", token.encode(), content_type="application/jwt")
    html = client.post("/kursbevis/kontroller-fil/", {"file": upload}).content.decode()
    assert "Signaturen er ekte" in html and "Kari Nordmann" in html

    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = client.post("/kursbevis/kontroller-fil/", {"token": tampered})
    assert response.status_code == 400
    assert "endret etter at det ble utstedt" in response.content.decode()

    garbage = client.post("/kursbevis/kontroller-fil/", {"token": "hei"})
    assert garbage.status_code == 400
    assert "hei</textarea>" in garbage.content.decode()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def header_of(token):
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_the_header_kid_is_a_key_id_as_listed_in_the_jwks(client, certificate):
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    header = header_of(credential_jwt(certificate))
    assert header["alg"] == "EdDSA"
    assert header["kid"] == keys[0]["kid"]


# joserfc warns that RFC 9864 deprecates the name "EdDSA"; a verifier elsewhere
# sees the same warning and goes on, which is what this test plays.
@pytest.mark.filterwarnings("ignore::joserfc.errors.SecurityWarning")
def test_a_strict_verifier_finds_the_key_by_kid_in_the_published_jwks(client, certificate):
    key_set = KeySet.import_key_set(client.get("/.well-known/jwks.json").json())
    token = credential_jwt(certificate)
    verified = jwt.decode(token, key_set, algorithms=["EdDSA"])
    assert verified.claims == payload_of(token)
    assert verified.claims["jti"] == credential_for(certificate)["id"]


def old_style_token(certificate, key_file):
    """A credential as courses/openbadges.py signed it before joserfc: the kid
    was the JWKS address with the key's RFC 7638 thumbprint after '#'."""
    private_key = serialization.load_pem_private_key(Path(key_file).read_bytes(), password=None)
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    members = {"crv": "Ed25519", "kty": "OKP", "x": b64url(raw)}
    thumbprint = b64url(
        hashlib.sha256(json.dumps(members, separators=(",", ":"), sort_keys=True).encode()).digest()
    )
    header = {
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": f"http://testserver/.well-known/jwks.json#{thumbprint}",
    }
    credential = credential_for(certificate)
    epoch = lambda iso: int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())  # noqa: E731
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": epoch(credential["validFrom"]),
        "exp": epoch(credential["validUntil"]),
    }
    signing_input = ".".join(
        b64url(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode())
        for part in (header, claims)
    )
    return signing_input + "." + b64url(private_key.sign(signing_input.encode("ascii")))


def test_a_credential_issued_with_the_old_kid_still_verifies(
    client, certificate, settings, tmp_path
):
    old_token = old_style_token(certificate, settings.OPENBADGES_SIGNING_KEY_FILE)
    assert "#" in header_of(old_token)["kid"]
    result = verify_jwt(old_token)
    assert result.problem is None and result.certificate == certificate
    html = client.post("/kursbevis/kontroller-fil/", {"token": old_token}).content.decode()
    assert "Signaturen er ekte" in html

    # ... and after a key rotation, with the old key among the previous ones.
    old_public = (
        serialization.load_pem_private_key(
            Path(settings.OPENBADGES_SIGNING_KEY_FILE).read_bytes(), password=None
        )
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    new_file = tmp_path / "new.pem"
    new_file.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    settings.OPENBADGES_SIGNING_KEY_FILE = str(new_file)
    settings.OPENBADGES_PREVIOUS_PUBLIC_KEYS = old_public
    assert verify_jwt(old_token).certificate == certificate
    assert verify_jwt(credential_jwt(certificate)).certificate == certificate


def test_a_changed_url_before_the_hash_does_not_matter_but_the_key_does(certificate, settings):
    old_token = old_style_token(certificate, settings.OPENBADGES_SIGNING_KEY_FILE)
    header, payload, signature = old_token.split(".")
    kid = header_of(old_token)["kid"].rpartition("#")[2]
    moved = b64url(
        json.dumps(
            {"alg": "EdDSA", "typ": "JWT", "kid": f"https://old.example/jwks#{kid}"}
        ).encode()
    )
    # The header is signed too, so a changed header is a changed credential.
    assert verify_jwt(f"{moved}.{payload}.{signature}").problem == "signature"
    unknown = b64url(json.dumps({"alg": "EdDSA", "kid": "https://x/jwks#nokey"}).encode())
    assert verify_jwt(f"{unknown}.{payload}.{signature}").problem == "key"


@pytest.mark.parametrize("alg", ["none", "HS256"])
def test_another_algorithm_in_the_header_is_refused(certificate, alg):
    token = credential_jwt(certificate)
    kid = header_of(token)["kid"]
    header = b64url(json.dumps({"alg": alg, "typ": "JWT", "kid": kid}).encode())
    payload = token.split(".")[1]
    # HS256 "signed" with the public key as the secret: the classic confusion.
    secret = published_keys()[0]["x"].encode()
    mac = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    signature = b64url(mac) if alg == "HS256" else ""
    result = verify_jwt(f"{header}.{payload}.{signature}")
    assert result.problem == "format" and result.certificate is None


@pytest.mark.parametrize(
    "header",
    [["alg"], "EdDSA", 1, None, {"alg": 1}, {"alg": ["EdDSA"]}, {"alg": "EdDSA", "kid": 5}],
)
@pytest.mark.parametrize("payload", [{"a": 1}, [1], "x"])
def test_a_malformed_header_or_payload_is_a_format_problem(header, payload):
    token = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.AAAA"
    assert verify_jwt(token).problem in {"format", "key"}
