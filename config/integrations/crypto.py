"""Crypto provider and keys (../shared/guide/security.md #9, #11).

Keys come from the environment (a key-management service in production). The development
defaults below are for the embedded demo only; production settings refuse to start with them.
"""

from config.env import env_str

CRYPTO_PROVIDER = env_str("CRYPTO_PROVIDER", "anju.core.crypto.SoftwareCryptoProvider")
# Hex keys: 16 bytes for SM4, 32 bytes for HMAC-SM3. ANJU_FIELD_KEYS holds "id:hexkey,..."; the
# first is the active key, the rest decrypt old data (rotation).
DEV_FIELD_KEYS = "k1:00112233445566778899aabbccddeeff"
DEV_INDEX_KEY = "6a756e6b2d6465762d696e6465782d6b65792d6e6f742d666f722d70726f6421"
DEV_AUDIT_KEY = "6a756e6b2d6465762d61756469742d6b65792d6e6f742d666f722d70726f6421"
ANJU_FIELD_KEYS = env_str("ANJU_FIELD_KEYS", DEV_FIELD_KEYS)
ANJU_INDEX_KEY = env_str("ANJU_INDEX_KEY", DEV_INDEX_KEY)
ANJU_AUDIT_KEY = env_str("ANJU_AUDIT_KEY", DEV_AUDIT_KEY)
