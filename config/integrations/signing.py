"""PDF signatures (pyHanko) for contracts and notices: the signing key, certificate and trust roots.

Production signs with the department's certificate, given either as a PKCS#12 file
(ANJU_SIGNING_PKCS12 + ANJU_SIGNING_PKCS12_PASSPHRASE) or as PEM files (ANJU_SIGNING_KEY,
ANJU_SIGNING_KEY_PASSPHRASE, ANJU_SIGNING_CERT). ANJU_SIGNING_CHAIN lists intermediate
certificates to embed (comma-separated PEM/DER paths); ANJU_SIGNING_TRUST_ROOTS lists the root
certificates verification trusts (comma-separated; empty = the issuer of the signing certificate
as found in the chain).

Without a configured certificate, DEBUG and tests (ANJU_SIGNING_TEST_CA=1) sign with the test
CA that `manage.py signing_ca` creates under ANJU_SIGNING_TEST_CA_DIR; anywhere else signing
refuses with a clear message. Production settings refuse ANJU_SIGNING_TEST_CA.
"""

from config.env import BASE_DIR, env_bool, env_list, env_str

ANJU_SIGNING_PKCS12 = env_str("ANJU_SIGNING_PKCS12", "")
ANJU_SIGNING_PKCS12_PASSPHRASE = env_str("ANJU_SIGNING_PKCS12_PASSPHRASE", "")
ANJU_SIGNING_KEY = env_str("ANJU_SIGNING_KEY", "")
ANJU_SIGNING_KEY_PASSPHRASE = env_str("ANJU_SIGNING_KEY_PASSPHRASE", "")
ANJU_SIGNING_CERT = env_str("ANJU_SIGNING_CERT", "")
ANJU_SIGNING_CHAIN = env_list("ANJU_SIGNING_CHAIN", "")
ANJU_SIGNING_TRUST_ROOTS = env_list("ANJU_SIGNING_TRUST_ROOTS", "")

ANJU_SIGNING_TEST_CA = env_bool("ANJU_SIGNING_TEST_CA", False)
ANJU_SIGNING_TEST_CA_DIR = env_str("ANJU_SIGNING_TEST_CA_DIR", str(BASE_DIR / "var" / "signing"))
