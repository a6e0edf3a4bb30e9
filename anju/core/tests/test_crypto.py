"""The crypto provider: known answers for SM3/SM4/HMAC-SM3, SM4-GCM behaviour, key rotation,
blind indexes (security.md #9, #11)."""

import base64

import gmssl_pyx
import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.test import override_settings

from anju.core.crypto import (
    TOKEN_PREFIX,
    CryptoError,
    SoftwareCryptoProvider,
    get_provider,
    hmac_sm3,
    normalise_identifier,
    sm3_digest,
)

KEY_1 = "00112233445566778899aabbccddeeff"
KEY_2 = "ffeeddccbbaa99887766554433221100"
INDEX_KEY = "11" * 32
AUDIT_KEY = "22" * 32


def _provider(field_keys=f"k1:{KEY_1}", index_key=INDEX_KEY, audit_key=AUDIT_KEY):
    return SoftwareCryptoProvider(field_keys=field_keys, index_key=index_key, audit_key=audit_key)


class TestKnownAnswers:
    def test_sm3_abc(self):
        # GB/T 32905-2016 Appendix A, example 1
        assert get_provider().sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"

    def test_sm3_64_bytes(self):
        # GB/T 32905-2016 Appendix A, example 2
        assert sm3_digest(b"abcd" * 16).hex() == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"

    def test_sm3_streamed_equals_whole(self):
        assert get_provider().sm3_hex_chunks([b"ab", b"c"]) == get_provider().sm3_hex(b"abc")

    def test_sm4_ecb_known_answer_in_the_library(self):
        # GB/T 32907-2016 Appendix A, example 1 (validates the cryptography build we rely on)
        key = bytes.fromhex("0123456789abcdeffedcba9876543210")
        encryptor = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()  # noqa: S305 - single-block known-answer test
        assert (encryptor.update(key) + encryptor.finalize()).hex() == "681edf34d206965e86b3e94f536e4246"

    @pytest.mark.parametrize(
        ("key", "message", "expected"),
        [
            (
                "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a",
            ),
            (
                "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425",
                bytes.fromhex("cd" * 50),
                "220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae",
            ),
        ],
    )
    def test_hmac_sm3_gmt_0042_vectors(self, key, message, expected):
        # GM/T 0042-2015 Appendix D.3
        assert hmac_sm3(bytes.fromhex(key), message).hex() == expected

    def test_hmac_sm3_agrees_with_gmssl(self):
        # an independent implementation (GmSSL through gmssl-pyx)
        key, message = bytes(range(32)), "审计日志".encode()
        assert hmac_sm3(key, message) == gmssl_pyx.sm3_hmac(key, message)

    def test_sm4_gcm_agrees_with_gmssl(self):
        # our tokens decrypt with GmSSL's SM4-GCM: same algorithm, nonce|ciphertext|tag layout, key id as AAD
        token = _provider().encrypt("341602199001011234")
        _, key_id, blob = token.split("$", 2)
        raw = base64.b64decode(blob)
        plain = gmssl_pyx.sm4_gcm_decrypt(bytes.fromhex(KEY_1), raw[:12], key_id.encode(), raw[12:-16], raw[-16:])
        assert plain == b"341602199001011234"


class TestEncryption:
    def test_roundtrip(self):
        provider = _provider()
        token = provider.encrypt("张三 13912345678")
        assert token.startswith(f"{TOKEN_PREFIX}$k1$")
        assert "13912345678" not in token
        assert provider.decrypt(token) == "张三 13912345678"

    def test_same_plaintext_gives_different_tokens(self):
        provider = _provider()
        assert provider.encrypt("13912345678") != provider.encrypt("13912345678")

    @pytest.mark.parametrize("position", [0, 5, 12, 20, -1])
    def test_one_flipped_byte_is_detected(self, position):
        provider = _provider()
        prefix, key_id, blob = provider.encrypt("341602199001011234").split("$", 2)
        raw = bytearray(base64.b64decode(blob))
        raw[position] ^= 0x01
        with pytest.raises(CryptoError, match="篡改"):
            provider.decrypt(f"{prefix}${key_id}${base64.b64encode(bytes(raw)).decode()}")

    @pytest.mark.parametrize("token", ["", "plain text", "sm4g$k9$AAAA", "aes$k1$AAAA", "sm4g$k1$!!!"])
    def test_malformed_tokens_raise(self, token):
        with pytest.raises(CryptoError):
            _provider().decrypt(token)

    def test_key_id_is_authenticated(self):
        # a token relabelled with another configured key id does not decrypt
        provider = _provider(field_keys=f"k1:{KEY_1},k2:{KEY_1}")
        token = provider.encrypt("x")
        with pytest.raises(CryptoError):
            provider.decrypt(token.replace("$k1$", "$k2$"))

    def test_key_rotation(self):
        # given: data written under k1
        old = _provider(field_keys=f"k1:{KEY_1}")
        old_token = old.encrypt("13912345678")
        # when: k2 becomes active, k1 stays for reading
        rotated = _provider(field_keys=f"k2:{KEY_2},k1:{KEY_1}")
        new_token = rotated.encrypt("13912345678")
        # then
        assert rotated.decrypt(old_token) == "13912345678"
        assert new_token.split("$")[1] == "k2"
        assert rotated.decrypt(new_token) == "13912345678"
        with pytest.raises(CryptoError):
            old.decrypt(new_token)

    def test_bad_key_length_is_refused(self):
        with pytest.raises(ValueError, match="16 字节"):
            _provider(field_keys="k1:0011")


class TestBlindIndex:
    def test_deterministic_and_normalised(self):
        provider = _provider()
        a = provider.blind_index("34160219900101123x", purpose="id_number")
        assert a == provider.blind_index(" 34160219900101123X ", purpose="id_number")
        assert a == provider.blind_index("３４１６０２１９９００１０１１２３Ｘ", purpose="id_number")  # full-width input
        assert a == provider.blind_index("341602 19900101 123X", purpose="id_number")
        assert len(a) == 64

    def test_purpose_and_key_separate_indexes(self):
        provider = _provider()
        assert provider.blind_index("13912345678", purpose="mobile") != provider.blind_index("13912345678", purpose="phone")
        assert provider.blind_index("13912345678", purpose="mobile") != _provider(index_key="33" * 32).blind_index("13912345678", purpose="mobile")

    def test_distinct_values_distinct_indexes(self):
        provider = _provider()
        assert provider.blind_index("13912345678", purpose="m") != provider.blind_index("13912345679", purpose="m")

    def test_normalise_identifier(self):
        assert normalise_identifier(" ａｂ 12x\t") == "AB12X"


class TestMac:
    def test_mac_is_hmac_sm3_with_purpose_separation(self):
        provider = _provider()
        assert provider.mac_hex(b"data", purpose="audit") == hmac_sm3(bytes.fromhex(AUDIT_KEY), b"audit\x00data").hex()
        assert provider.mac_hex(b"data", purpose="audit") != provider.mac_hex(b"data", purpose="ledger")

    def test_mac_function_equals_mac_hex(self):
        provider = _provider()
        mac = provider.mac_function(purpose="audit")
        for data in (b"", b"data", "审计".encode() * 100):
            assert mac(data) == provider.mac_hex(data, purpose="audit")
        assert provider.mac_function(purpose="ledger")(b"data") != mac(b"data")

    def test_mac_equal(self):
        assert SoftwareCryptoProvider.mac_equal("ab", "ab")
        assert not SoftwareCryptoProvider.mac_equal("ab", "ac")


def test_get_provider_follows_settings():
    get_provider.cache_clear()
    try:
        with override_settings(ANJU_FIELD_KEYS=f"k7:{KEY_2}"):
            get_provider.cache_clear()
            assert get_provider().encrypt("x").split("$")[1] == "k7"
    finally:
        get_provider.cache_clear()
    assert get_provider().encrypt("x").split("$")[1] == "k1"
