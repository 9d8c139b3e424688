"""Course certificates as Open Badges 3.0 credentials, signed as VC-JWT.

The JWT payload is the OpenBadgeCredential itself with the registered claims
the specification maps onto it (iss = issuer.id, jti = id, nbf = validFrom,
sub = credentialSubject.id, exp = validUntil). It is signed with the site's
Ed25519 key (alg EdDSA); the header's `kid` points into the site's JWKS at
/.well-known/jwks.json, which also lists previous keys so that credentials
signed before a key rotation still verify. README: "Open Badges keys"."""

import base64
import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from django.conf import settings
from django.urls import reverse

from mentornett.links import absolute

from .models import Certificate
from .services.certificates import ISSUER_NAME, verification_url

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# --- keys -------------------------------------------------------------------


def _key_file() -> Path:
    configured = getattr(settings, "OPENBADGES_SIGNING_KEY_FILE", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "openbadges-ed25519.pem"


def signing_key() -> Ed25519PrivateKey:
    """The key from OPENBADGES_SIGNING_KEY (PEM) or its key file. With neither,
    a key is made once and kept in the file, which suits a single server."""
    pem = getattr(settings, "OPENBADGES_SIGNING_KEY", "")
    if not pem:
        path = _key_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            new_pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            # Exclusive create: two processes starting at once keep one key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(new_pem)
        pem = path.read_text()
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("OPENBADGES_SIGNING_KEY must be an Ed25519 private key.")
    return key


def public_jwk(public_key: Ed25519PublicKey) -> dict:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    jwk = {"crv": "Ed25519", "kty": "OKP", "x": _b64url(raw)}
    # RFC 7638 thumbprint: the canonical JSON of the required members.
    thumbprint = hashlib.sha256(
        json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode()
    ).digest()
    return {**jwk, "kid": _b64url(thumbprint), "use": "sig", "alg": "EdDSA"}


_PEM_BLOCK = re.compile(r"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", re.DOTALL)


def published_keys() -> list[dict]:
    """The current public key first, then previous ones still accepted."""
    keys = [public_jwk(signing_key().public_key())]
    previous = getattr(settings, "OPENBADGES_PREVIOUS_PUBLIC_KEYS", "")
    for pem in _PEM_BLOCK.findall(previous):
        key = serialization.load_pem_public_key(pem.encode())
        if isinstance(key, Ed25519PublicKey):
            keys.append(public_jwk(key))
    return keys


def jwks_url() -> str:
    return absolute(reverse("openbadges:jwks"))


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
    kid = public_jwk(key.public_key())["kid"]
    header = {"alg": "EdDSA", "typ": "JWT", "kid": f"{jwks_url()}#{kid}"}
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _epoch(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _epoch(credential["validUntil"])
    signing_input = ".".join(
        _b64url(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode())
        for part in (header, claims)
    )
    return signing_input + "." + _b64url(key.sign(signing_input.encode("ascii")))


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


def verify_jwt(token: str) -> BadgeCheck:
    """Check a VC-JWT made by this site: its shape, signature, and that its
    claims match the credential; then find the certificate it stands for."""
    parts = (token or "").strip().split(".")
    if len(parts) != 3:
        return BadgeCheck(False, "format")
    try:
        header = json.loads(_b64url_decode(parts[0]))
        claims = json.loads(_b64url_decode(parts[1]))
        signature = _b64url_decode(parts[2])
    except (ValueError, UnicodeDecodeError):
        return BadgeCheck(False, "format")
    if not (isinstance(header, dict) and isinstance(claims, dict)):
        return BadgeCheck(False, "format")
    if header.get("alg") != "EdDSA":
        return BadgeCheck(False, "format")
    kid = str(header.get("kid", "")).rpartition("#")[2]
    key = next((jwk for jwk in published_keys() if jwk["kid"] == kid), None)
    if key is None:
        return BadgeCheck(False, "key")
    public_key = Ed25519PublicKey.from_public_bytes(_b64url_decode(key["x"]))
    try:
        public_key.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except InvalidSignature:
        return BadgeCheck(False, "signature")
    try:
        matches = all(claims.get(name) == field(claims) for name, field in _CLAIM_FIELDS.items())
        if "validUntil" in claims:
            matches = matches and claims.get("exp") == _epoch(claims["validUntil"])
    except (KeyError, TypeError, ValueError):
        matches = False
    if not matches:
        return BadgeCheck(True, "claims", claims)
    code = claims["id"].rstrip("/").rpartition("/")[2]
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        return BadgeCheck(True, "unknown", claims)
    return BadgeCheck(True, None, claims, certificate)
