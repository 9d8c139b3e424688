"""OpenID Connect for ID-porten or Feide, with the national identity number
kept out of the database. Swapped in through SOCIALACCOUNT_PROVIDERS
["openid_connect"]["provider_class"]; accounts match on the subject (`sub`)."""

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

# pid: ID-porten's national identity number; norEduPersonNIN: Feide's.
NATIONAL_ID_CLAIMS = frozenset({"pid", "norEduPersonNIN", "norEduPersonLIN", "fnr", "ssn"})


def without_national_id(data):
    if isinstance(data, dict):
        return {
            key: without_national_id(value)
            for key, value in data.items()
            if key not in NATIONAL_ID_CLAIMS
        }
    if isinstance(data, list):
        return [without_national_id(item) for item in data]
    return data


class NationalOIDCProvider(OpenIDConnectProvider):
    # URLs and views stay those of allauth's own openid_connect package.
    package = "allauth.socialaccount.providers.openid_connect"

    def extract_extra_data(self, data):
        return without_national_id(super().extract_extra_data(data))
