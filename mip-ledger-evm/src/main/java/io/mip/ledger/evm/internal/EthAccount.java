package io.mip.ledger.evm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * An Ethereum account whose secp256k1 private key is read from a key file (64 hex digits, with or
 * without 0x, surrounding whitespace ignored). The key stays inside this object: it signs
 * transactions and hands out its address, never the key itself.
 *
 * <p>Transactions are legacy EIP-155 transactions with a gas price of zero: they are valid on a
 * Besu network configured with {@code --min-gas-price=0} (and a zero base fee) and on anvil started
 * with {@code --gas-price 0 --base-fee 0}.
 */
public final class EthAccount {
  private static final int MAX_FILE_BYTES = 256;
  private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  private static final BigInteger SECP256K1_N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  private final Credentials credentials;

  private EthAccount(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Reads the key file.
   *
   * @throws IllegalArgumentException when the file is unreadable, too large or not a key
   */
  public static EthAccount fromKeyFile(Path keyFile) {
    String text;
    try (InputStream in = Files.newInputStream(keyFile)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("key file " + keyFile + " is too large for a key");
      }
      text = new String(bytes, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read key file " + keyFile + ": " + e, e);
    }
    if (!KEY.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "key file " + keyFile + " must hold a 32-byte secp256k1 private key as 64 hex digits");
    }
    BigInteger d = Numeric.toBigInt(text);
    if (d.signum() == 0 || d.compareTo(SECP256K1_N) >= 0) {
      throw new IllegalArgumentException("key file " + keyFile + " holds an invalid key");
    }
    return new EthAccount(Credentials.create(Numeric.toHexStringWithPrefixZeroPadded(d, 64)));
  }

  /** Returns the account address, 0x-prefixed lower-case hex. */
  public String address() {
    return credentials.getAddress();
  }

  /**
   * Signs a zero-price legacy transaction.
   *
   * @param to the contract address, or null to create a contract
   */
  public SignedTx sign(long chainId, long nonce, long gasLimit, String to, String data) {
    RawTransaction raw =
        to == null
            ? RawTransaction.createContractTransaction(
                BigInteger.valueOf(nonce),
                BigInteger.ZERO,
                BigInteger.valueOf(gasLimit),
                BigInteger.ZERO,
                data)
            : RawTransaction.createTransaction(
                BigInteger.valueOf(nonce),
                BigInteger.ZERO,
                BigInteger.valueOf(gasLimit),
                to,
                BigInteger.ZERO,
                data);
    String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
    return new SignedTx(nonce, hex, Hash.sha3(hex));
  }

  /** A signed transaction: its nonce, raw hex and hash (computed locally, before sending). */
  public record SignedTx(long nonce, String rawHex, String hash) {}

  @Override
  public String toString() {
    return "EthAccount[" + address() + "]";
  }
}
