import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
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
