package io.mip.ledger.evm;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.LedgerException;
import io.mip.ledger.bench.BenchResult;
import io.mip.ledger.bench.LedgerBench;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Throughput of the EVM backend: deploys a fresh MipLedger contract (so the run starts from an
 * empty ledger and leaves other deployments alone), allows the key file's account to write, and
 * runs {@link LedgerBench} through an {@link EvmLedger}. Each operation is mined and replayed
 * before its {@code submit} returns, so the figure includes the chain's block production.
 */
public final class EvmBench {
  private EvmBench() {}

  /**
   * Runs the benchmark against the node at {@code rpc}.
   *
   * @param keyFile an account that may deploy (any funded account, or any account on a zero-gas
   *     chain); it becomes the new contract's admin and writer
   * @param pollInterval the reader's poll interval (10 ms suits a local node; 100-500 ms a network)
   */
  public static BenchResult run(
      URI rpc, Path keyFile, int operations, int threads, Duration pollInterval) {
    EvmAdmin.Deployment d = EvmAdmin.deployContract(rpc, keyFile);
    EvmAdmin.setWriter(rpc, keyFile, d.address(), EvmAdmin.address(keyFile), true);
    return run(
        config(rpc, d.address(), keyFile, pollInterval).withFromBlock(d.block()),
        operations,
        threads);
  }

  /**
   * Runs the benchmark through an existing contract, which the key file's account must be allowed
   * to write to. The ledger replays the contract's history first (not timed); the benchmark's
   * operations go to new streams of their own, so they do not disturb existing ones.
   *
   * @throws EvmRefusedException when the account is not a writer of {@code contract}
   * @throws IllegalArgumentException when no contract is at {@code contract}
   * @throws LedgerException when the node cannot be reached
   */
  public static BenchResult run(
      URI rpc, Path keyFile, String contract, int operations, int threads, Duration pollInterval) {
    if (!EvmAdmin.isWriter(rpc, contract, EvmAdmin.address(keyFile))) {
      throw new EvmRefusedException(
          "account " + EvmAdmin.address(keyFile) + " is not an allowed writer of " + contract,
          "NotWriter",
          null);
    }
    return run(config(rpc, contract, keyFile, pollInterval), operations, threads);
  }

  private static EvmConfig config(URI rpc, String contract, Path keyFile, Duration poll) {
    return EvmConfig.of(rpc, contract, keyFile, Ed25519PrivateKey.generate().publicKey())
        .withPollInterval(poll);
  }

  private static BenchResult run(EvmConfig config, int operations, int threads) {
    try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
      return LedgerBench.run(ledger, operations, threads);
    }
  }
}
