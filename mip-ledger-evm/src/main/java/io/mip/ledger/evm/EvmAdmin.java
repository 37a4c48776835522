package io.mip.ledger.evm;

import io.mip.ledger.LedgerException;
import io.mip.ledger.evm.internal.EthAccount;
import io.mip.ledger.evm.internal.MipLedgerContract;
import io.mip.ledger.evm.internal.Rpc;
import io.mip.ledger.evm.internal.Transactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.regex.Pattern;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Consortium administration of a MipLedger contract: deploy it, allow or remove writer accounts,
 * hand the admin role over (two steps: {@link #transferAdmin} by the admin, {@link #acceptAdmin} by
 * the new admin), and create key files. Every call that changes the contract waits until its
 * transaction is mined, and fails with {@link EvmRefusedException} naming the contract's error
 * (such as {@code NotAdmin}) when the contract refuses it (nothing is sent in that case), or with a
 * plain {@link LedgerException} when the node cannot be reached. Malformed addresses and key files
 * are refused with {@link IllegalArgumentException} before anything is sent.
 */
public final class EvmAdmin {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private EvmAdmin() {}

  /**
   * A deployed contract: its address (EIP-55 checksummed) and the block it was created in, which
   * readers can use as {@link EvmConfig#fromBlock()}.
   */
  public record Deployment(String address, long block) {}

  /** Deploys the contract with the key file's account as admin; returns the contract address. */
  public static String deploy(URI rpc, Path keyFile) {
    return deployContract(rpc, keyFile).address();
  }

  /** Deploys the contract with the key file's account as admin; returns address and block. */
  public static Deployment deployContract(URI rpc, Path keyFile) {
    try (Transactor t = new Transactor(rpc, EthAccount.fromKeyFile(keyFile))) {
      TransactionReceipt r = t.send(null, MipLedgerContract.creationCode());
      if (r.getContractAddress() == null) {
        throw new LedgerException("deployment receipt has no contract address");
      }
      return new Deployment(
          Keys.toChecksumAddress(r.getContractAddress()), r.getBlockNumber().longValueExact());
    }
  }

  /** Allows ({@code allowed}) or removes a writer; the key file must hold the admin's key. */
  public static void setWriter(
      URI rpc, Path adminKeyFile, String contract, String writer, boolean allowed) {
    requireAddress(contract);
    requireAddress(writer);
    send(rpc, adminKeyFile, contract, MipLedgerContract.setWriter(writer, allowed));
  }

  /** Names the next admin (first step); the key file must hold the current admin's key. */
  public static void transferAdmin(URI rpc, Path adminKeyFile, String contract, String next) {
    requireAddress(contract);
    requireAddress(next);
    send(rpc, adminKeyFile, contract, MipLedgerContract.transferAdmin(next));
  }

  /** Takes the admin role (second step); the key file must hold the named next admin's key. */
  public static void acceptAdmin(URI rpc, Path keyFile, String contract) {
    requireAddress(contract);
    send(rpc, keyFile, contract, MipLedgerContract.acceptAdmin());
  }

  /**
   * Sends call data to the contract, refusing (with {@link IllegalArgumentException}) an address
   * that holds no contract: a call to it would succeed without doing anything.
   */
  private static void send(URI rpc, Path keyFile, String contract, String data) {
    try (Transactor t = new Transactor(rpc, EthAccount.fromKeyFile(keyFile))) {
      String code;
      try {
        code = t.rpc().code(contract);
      } catch (IOException e) {
        throw new LedgerException("EVM node failed: " + e.getMessage(), e);
      }
      if (code == null || code.length() <= 2) {
        throw new IllegalArgumentException("no contract at " + contract + " on " + rpc);
      }
      t.send(contract, data);
    }
  }

  /**
   * Whether {@code account} may append to the contract.
   *
   * @throws IllegalArgumentException when an address is malformed or no contract is there
   */
  public static boolean isWriter(URI rpc, String contract, String account) {
    requireAddress(contract);
    requireAddress(account);
    return MipLedgerContract.decodeBool(
        view(rpc, account, contract, MipLedgerContract.writers(account)));
  }

  /**
   * The contract's current admin, 0x-prefixed lower-case hex.
   *
   * @throws IllegalArgumentException when the address is malformed or no contract is there
   */
  public static String admin(URI rpc, String contract) {
    requireAddress(contract);
    return MipLedgerContract.decodeAddress(
        view(rpc, contract, contract, MipLedgerContract.admin()));
  }

  private static String view(URI rpc, String from, String contract, String data) {
    String hex;
    try (Rpc r = new Rpc(rpc)) {
      hex = r.call(from, contract, data);
    } catch (IOException e) {
      throw new LedgerException("EVM node failed: " + e.getMessage(), e);
    }
    if (hex == null || hex.length() <= 2) {
      throw new IllegalArgumentException("no contract at " + contract + " on " + rpc);
    }
    return hex;
  }

  /** The address of the account whose key is in {@code keyFile}. */
  public static String address(Path keyFile) {
    return EthAccount.fromKeyFile(keyFile).address();
  }

  /**
   * Creates a new secp256k1 key, writes it as hex to {@code keyFile} (which must not exist; mode
   * 600 where the file system supports it) and returns the account address.
   */
  public static String createKeyFile(Path keyFile) {
    ECKeyPair pair;
    try {
      pair = Keys.createEcKeyPair();
    } catch (InvalidAlgorithmParameterException
        | NoSuchAlgorithmException
        | NoSuchProviderException e) {
      throw new IllegalStateException("secp256k1 key generation unavailable", e);
    }
    String hex = Numeric.toHexStringNoPrefixZeroPadded(pair.getPrivateKey(), 64) + "\n";
    try {
      if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            keyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(keyFile);
      }
      Files.writeString(keyFile, hex, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + keyFile, e);
    }
    return address(keyFile);
  }

  private static void requireAddress(String a) {
    if (a == null || !ADDRESS.matcher(a).matches()) {
      throw new IllegalArgumentException("not an Ethereum address: " + a);
    }
  }
}
