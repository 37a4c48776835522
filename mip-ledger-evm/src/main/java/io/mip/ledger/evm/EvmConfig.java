package io.mip.ledger.evm;

import io.mip.crypto.Ed25519PublicKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an {@link EvmLedger} reaches its chain and contract.
 *
 * @param rpc the node's JSON-RPC HTTP endpoint, e.g. {@code http://127.0.0.1:8545}
 * @param contractAddress the deployed MipLedger contract, 0x-prefixed 20-byte hex
 * @param keyFile file holding this node's Ethereum (secp256k1) private key as 64 hex digits; the
 *     account must be an allowed writer of the contract. Null for a read-only ledger
 * @param governanceKey the consortium's governance key (Ed25519), agreed when the contract was
 *     deployed and configured identically on every node; {@link EvmLedger#governanceKey()} returns
 *     it
 * @param chainId the expected chain id, checked against {@code eth_chainId} at start; 0 to take the
 *     node's
 * @param pollInterval how often the reader polls for new blocks (e.g. 500 ms for QBFT with 1-2 s
 *     blocks, 10-50 ms against a local dev node)
 * @param confirmations how many blocks below the head the reader stays: 0 on QBFT (final blocks);
 *     more on a chain that can reorganise
 * @param fromBlock the first block to replay (the contract's deployment block, or 0)
 * @param submitTimeout how long {@code submit} waits for the chain before failing; the operation
 *     may still be written later, and submitting it again then returns DUPLICATE
 */
public record EvmConfig(
    URI rpc,
    String contractAddress,
    Path keyFile,
    Ed25519PublicKey governanceKey,
    long chainId,
    Duration pollInterval,
    int confirmations,
    long fromBlock,
    Duration submitTimeout) {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  /** Validates the fields. */
  public EvmConfig {
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(governanceKey, "governanceKey");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(submitTimeout, "submitTimeout");
    if (!"http".equals(rpc.getScheme()) && !"https".equals(rpc.getScheme())) {
      throw new IllegalArgumentException("rpc must be an http or https URL");
    }
    if (contractAddress == null || !ADDRESS.matcher(contractAddress).matches()) {
      throw new IllegalArgumentException("contract address must be 0x and 40 hex digits");
    }
    if (chainId < 0 || confirmations < 0 || confirmations > 1_000 || fromBlock < 0) {
      throw new IllegalArgumentException("chainId, confirmations and fromBlock out of range");
    }
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("pollInterval must be between 1 ms and 1 minute");
    }
    if (submitTimeout.isNegative() || submitTimeout.isZero()) {
      throw new IllegalArgumentException("submitTimeout must be positive");
    }
  }

  /**
   * A configuration with defaults for a QBFT network: the node's chain id, 500 ms polling, no
   * confirmations, replay from block 0, 2-minute submit timeout.
   */
  public static EvmConfig of(
      URI rpc, String contractAddress, Path keyFile, Ed25519PublicKey governanceKey) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        0,
        Duration.ofMillis(500),
        0,
        0,
        Duration.ofMinutes(2));
  }

  /** Returns a copy with another poll interval. */
  public EvmConfig withPollInterval(Duration interval) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        chainId,
        interval,
        confirmations,
        fromBlock,
        submitTimeout);
  }

  /** Returns a copy with another key file (null for read-only). */
  public EvmConfig withKeyFile(Path file) {
    return new EvmConfig(
        rpc,
        contractAddress,
        file,
        governanceKey,
        chainId,
        pollInterval,
        confirmations,
        fromBlock,
        submitTimeout);
  }

  /** Returns a copy with another submit timeout. */
  public EvmConfig withSubmitTimeout(Duration timeout) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        chainId,
        pollInterval,
        confirmations,
        fromBlock,
        timeout);
  }

  /** Returns a copy that replays from {@code block} (the contract's deployment block). */
  public EvmConfig withFromBlock(long block) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        chainId,
        pollInterval,
        confirmations,
        block,
        submitTimeout);
  }

  /** Returns a copy that expects chain {@code id} (0: take the node's). */
  public EvmConfig withChainId(long id) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        id,
        pollInterval,
        confirmations,
        fromBlock,
        submitTimeout);
  }

  /** Returns a copy whose reader stays {@code blocks} below the chain head. */
  public EvmConfig withConfirmations(int blocks) {
    return new EvmConfig(
        rpc,
        contractAddress,
        keyFile,
        governanceKey,
        chainId,
        pollInterval,
        blocks,
        fromBlock,
        submitTimeout);
  }
}
