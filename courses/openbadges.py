"""Course certificates as Open Badges 3.0 credentials, signed as VC-JWT.

The JWT payload is the OpenBadgeCredential itself with the registered claims
the specification maps onto it (iss = issuer.id, jti = id, nbf = validFrom,
sub = credentialSubject.id, exp = validUntil). It is signed with the site's
Ed25519 key (alg EdDSA) by joserfc; the header's `kid` is the key's id exactly
as /.well-known/jwks.json lists it (its RFC 7638 thumbprint). The JWKS also
lists previous keys so that credentials signed before a key rotation still
verify. README: "Open Badges keys"."""

import hashlib
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidKeyCurveError, InvalidKeyIdError, JoseError
from joserfc.jwa import EdDSAAlgorithm
from joserfc.jwk import KeySet, OKPKey
from joserfc.jws import JWSRegistry

from django.conf import settings
from django.urls import reverse

from mentornett.links import absolute

from .models import Certificate
from .services.certificates import ISSUER_NAME, verification_url

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]

ALGORITHM = "EdDSA"


class _EdDSAOnEd25519(EdDSAAlgorithm):
    """The algorithm Open Badges verifiers know as "EdDSA", held to the Ed25519
    curve. RFC 9864 deprecates the bare name because it leaves the curve open
    (joserfc warns about it); pinning the curve here removes that ambiguity."""

    security_warning = None

    def check_key(self, key):
        super().check_key(key)
        if key.curve_name != "Ed25519":
            raise InvalidKeyCurveError("Open Badges credentials are signed with Ed25519 only.")


class _Registry(JWSRegistry):
    # Its own table: no other algorithm (not "none", not HS256) is even known.
    algorithms = {ALGORITHM: _EdDSAOnEd25519()}
    recommended = [ALGORITHM]


_REGISTRY = _Registry(algorithms=[ALGORITHM])


# --- keys -------------------------------------------------------------------


def _key_file() -> Path:
    configured = getattr(settings, "OPENBADGES_SIGNING_KEY_FILE", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "openbadges-ed25519.pem"


def _ed25519(key: OKPKey, source: str) -> OKPKey:
    if key.curve_name != "Ed25519":
        raise ValueError(f"{source} must be an Ed25519 key.")
    key.ensure_kid()  # the RFC 7638 thumbprint, as the JWKS lists it
    return key


def signing_key() -> OKPKey:
    """The key from OPENBADGES_SIGNING_KEY (PEM) or its key file. With neither,
    a key is made once and kept in the file, which suits a single server."""
    pem = getattr(settings, "OPENBADGES_SIGNING_KEY", "")
    if not pem:
        path = _key_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            new_pem = OKPKey.generate_key("Ed25519").as_pem(private=True)
            # Exclusive create: two processes starting at once keep one key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(new_pem)
        pem = path.read_text()
    try:
        key = OKPKey.import_key(pem)
    except (JoseError, ValueError) as error:
        raise ValueError("OPENBADGES_SIGNING_KEY must be an Ed25519 private key.") from error
    if not key.is_private:
        raise ValueError("OPENBADGES_SIGNING_KEY must be an Ed25519 private key.")
    return _ed25519(key, "OPENBADGES_SIGNING_KEY")


_PEM_BLOCK = re.compile(r"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", re.DOTALL)


def _public_keys() -> list[OKPKey]:
    """The current public key first, then previous ones still accepted."""
    current = signing_key()
    keys = [_ed25519(OKPKey.import_key(current.as_pem(private=False)), "The signing key")]
    previous = getattr(settings, "OPENBADGES_PREVIOUS_PUBLIC_KEYS", "")
    for pem in _PEM_BLOCK.findall(previous):
        try:
            key = OKPKey.import_key(pem)
        except (JoseError, ValueError):
            continue  # not an OKP key (RSA, EC, broken): never one of ours
        if key.curve_name == "Ed25519":
            keys.append(_ed25519(key, "A previous public key"))
    return keys


def published_keys() -> list[dict]:
    """The JWKS's keys: each with its kid, for signatures with EdDSA."""
    return KeySet(_public_keys()).as_dict(private=False, use="sig", alg=ALGORITHM)["keys"]


# --- the credential ---------------------------------------------------------


def issuer_profile() -> dict:
    return {
        "id": absolute(reverse("openbadges:issuer")),
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": absolute("/"),
    }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _criteria(outcomes: dict) -> str:
    groups = [
        ("Kunnskap / Knowledge", outcomes.get("knowledge", [])),
        ("Ferdigheter / Skills", outcomes.get("skills", [])),
        ("Generell kompetanse / General competence", outcomes.get("competence", [])),
    ]
    parts = []
    for title, lines in groups:
        if lines:
            parts.append(f"**{title}**\n\n" + "\n".join(f"- {line}" for line in lines))
    return "\n\n".join(parts) or "Fullført kurs / Completed course"


def credential_for(certificate: Certificate) -> dict:
    """The OpenBadgeCredential. Only what the certificate recorded at issue goes
    in, so downloading it again gives the same credential."""
    verify_url = verification_url(certificate)
    subject_id = uuid.uuid5(uuid.NAMESPACE_URL, verify_url)
    achievement_id = uuid.uuid5(
        uuid.NAMESPACE_URL,
        absolute(f"/courses/{certificate.course_id}/v{certificate.course_version}"),
    )
    email = certificate.holder.email.lower() if certificate.holder else ""
    salt = certificate.code
    credential = {
        "@context": CONTEXT,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Kursbevis: {certificate.course_title}",
        "issuer": issuer_profile(),
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": {
            "id": f"urn:uuid:{subject_id}",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"urn:uuid:{achievement_id}",
                "type": ["Achievement"],
                "achievementType": "CertificateOfCompletion",
                "name": certificate.course_title,
                "description": (
                    f"{certificate.course_title}, versjon {certificate.course_version}. "
                    f"Arbeidsmengde omtrent {certificate.workload_hours} timer."
                ),
                "criteria": {"narrative": _criteria(certificate.outcomes)},
                "version": str(certificate.course_version),
                "inLanguage": "nb",
                "creator": issuer_profile(),
            },
        },
    }
    if email:
        credential["credentialSubject"]["identifier"] = [
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest(),
                "salt": salt,
            }
        ]
    if certificate.valid_until:
        end_of_day = datetime.combine(certificate.valid_until, time(23, 59, 59), tzinfo=UTC)
        credential["validUntil"] = _iso(end_of_day)
    return credential


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def sign(credential: dict) -> str:
    """VC-JWT: the payload is the credential plus the mapped registered claims."""
    key = signing_key()
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _epoch(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _epoch(credential["validUntil"])
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": key.kid}
    return jwt.encode(header, claims, key, registry=_REGISTRY)


def credential_jwt(certificate: Certificate) -> str:
    return sign(credential_for(certificate))


# --- verification -----------------------------------------------------------


@dataclass(frozen=True)
class BadgeCheck:
    valid_signature: bool
    problem: str | None  # a code: "format", "key", "signature", "claims", "unknown"
    credential: dict | None = None
    certificate: Certificate | None = None


_CLAIM_FIELDS = {
    "iss": lambda c: c["issuer"]["id"],
    "jti": lambda c: c["id"],
    "sub": lambda c: c["credentialSubject"]["id"],
    "nbf": lambda c: _epoch(c["validFrom"]),
}


def _key_id(kid) -> str:
    """The key id in a header. Credentials signed before joserfc carry the
    JWKS address with the id after '#'; the id is the part that counts."""
    return kid.rpartition("#")[2] if isinstance(kid, str) else ""


def verify_jwt(token: str) -> BadgeCheck:
    """Check a VC-JWT made by this site: its shape, signature, and that its
    claims match the credential; then find the certificate it stands for."""
    key_set = KeySet(_public_keys())

    def find_key(obj):
        kid = _key_id(obj.headers().get("kid"))
        if not kid:
            raise InvalidKeyIdError("The header names no key.")
        return key_set.get_by_kid(kid, {"alg": ALGORITHM, "use": "sig"})

    try:
        claims = jwt.decode((token or "").strip(), find_key, registry=_REGISTRY).claims
    except InvalidKeyIdError:
        return BadgeCheck(False, "key")
    except BadSignatureError:
        return BadgeCheck(False, "signature")
    except (JoseError, ValueError, TypeError):
        # TypeError: joserfc 1.8 reads a header that is a JSON list as a dict.
        return BadgeCheck(False, "format")
    try:
        matches = all(claims.get(name) == field(claims) for name, field in _CLAIM_FIELDS.items())
        if "validUntil" in claims:
            matches = matches and claims.get("exp") == _epoch(claims["validUntil"])
    except (KeyError, TypeError, ValueError, AttributeError):
        matches = False
    if not matches or not isinstance(claims.get("id"), str):
        return BadgeCheck(True, "claims", claims)
    code = claims["id"].rstrip("/").rpartition("/")[2]
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        return BadgeCheck(True, "unknown", claims)
    return BadgeCheck(True, None, claims, certificate)
