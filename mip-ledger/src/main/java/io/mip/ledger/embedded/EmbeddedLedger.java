package io.mip.ledger.embedded;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.internal.ChainState;
import io.mip.ledger.embedded.internal.ReaderPool;
import io.mip.ledger.embedded.internal.Reads;
import io.mip.ledger.embedded.internal.Storage;
import io.mip.ledger.embedded.internal.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * The embedded ledger: hash-linked blocks sealed by this node's Ed25519 key, stored in one SQLite
 * file ({@code ledger.db}, WAL journal, {@code synchronous=FULL}) in a data directory the process
 * holds an exclusive lock on. See {@code docs/ledger.md} for the block format.
 *
 * <p>Guarantees, beyond those of {@link Ledger}: a submission returns only after the block holding
 * it is committed and synced (group commit: one block and one sync per writer batch of up to
 * {@value Writer#MAX_BATCH} operations); on every open the whole chain is verified and a store that
 * fails verification is refused with {@link LedgerCorruptedException}; a batch that admits nothing
 * writes no block.
 *
 * <p>Refuses: a data directory another process (or another instance here) has open; a {@code
 * node.key} that is not the key recorded in genesis; {@link #submitAll} with more than {@value
 * #MAX_SUBMIT_ALL} operations; {@link #since} pages above {@value #MAX_PAGE} are cut to that size.
 */
public final class EmbeddedLedger implements Ledger {
  /** Most operations one {@link #submitAll} call takes. */
  public static final int MAX_SUBMIT_ALL = 10_000;

  /** Largest page {@link #since} returns. */
  public static final int MAX_PAGE = 10_000;

  private static final int READERS = 4;

  private final Storage storage;
  private final ChainState genesis;
  private final Writer writer;
  private final ReaderPool readers;
  private volatile boolean closed;

  private EmbeddedLedger(Storage storage, ChainState state, Writer writer, ReaderPool readers) {
    this.storage = storage;
    this.genesis = state;
    this.writer = writer;
    this.readers = readers;
  }

  /**
   * Opens the ledger in {@code dataDir}, creating the directory, {@code ledger.db}, {@code
   * node.key}, {@code governance.key} (key files mode 600; an existing key file is used as is) and
   * the genesis block on first start, then verifies the whole chain.
   *
   * @param policies admission rules applied, in order, to operations of the types they govern
   * @throws LedgerCorruptedException naming the first bad block if the chain does not verify
   * @throws LedgerException if the directory is locked, unreadable, or the node key does not match
   */
  public static EmbeddedLedger open(Path dataDir, List<OperationPolicy> policies) {
    return open(dataDir, policies, Clock.systemUTC());
  }

  /** Like {@link #open(Path, List)} with the clock that stamps blocks (for tests). */
  public static EmbeddedLedger open(Path dataDir, List<OperationPolicy> policies, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    List<OperationPolicy> rules = List.copyOf(policies);
    Storage storage = Storage.open(dataDir, clock);
    ReaderPool readers = null;
    try {
      ChainState state = storage.verifiedState();
      storage.startCheckpointer();
      readers = storage.readers(READERS);
      Writer writer = new Writer(storage.connection(), state, storage.nodeKey(), rules, clock);
      return new EmbeddedLedger(storage, state, writer, readers);
    } catch (RuntimeException e) {
      if (readers != null) {
        readers.close();
      }
      storage.close();
      throw e;
    }
  }

  @Override
  public Admission submit(Operation op) {
    return await(submitAsync(op));
  }

  /**
   * Queues {@code op} and returns at once; the future completes when the operation is durable or
   * refused. The signature is checked on the calling thread.
   */
  public CompletableFuture<Admission> submitAsync(Operation op) {
    Objects.requireNonNull(op, "op");
    requireOpen();
    return writer.submit(op, op.signatureValid());
  }

  @Override
  public List<Admission> submitAll(List<Operation> ops) {
    if (ops.size() > MAX_SUBMIT_ALL) {
      throw new IllegalArgumentException(
          "submitAll takes at most " + MAX_SUBMIT_ALL + " operations");
    }
    ops.forEach(op -> Objects.requireNonNull(op, "op"));
    requireOpen();
    IntStream indexes = IntStream.range(0, ops.size());
    boolean[] valid = new boolean[ops.size()];
    (ops.size() > 16 ? indexes.parallel() : indexes)
        .forEach(i -> valid[i] = ops.get(i).signatureValid());
    List<CompletableFuture<Admission>> futures = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      futures.add(writer.submit(ops.get(i), valid[i]));
    }
    List<Admission> out = new ArrayList<>(ops.size());
    for (CompletableFuture<Admission> f : futures) {
      out.add(await(f));
    }
    return out;
  }

  @Override
  public List<LedgerEntry> stream(String streamId) {
    Objects.requireNonNull(streamId, "streamId");
    return readers.read(c -> Reads.stream(c, streamId));
  }

  @Override
  public Optional<LedgerEntry> find(OperationId id) {
    Objects.requireNonNull(id, "id");
    return readers.read(c -> Reads.find(c, id));
  }

  @Override
  public Optional<LedgerEntry> head(String streamId) {
    Objects.requireNonNull(streamId, "streamId");
    return readers.read(c -> Reads.head(c, streamId));
  }

  @Override
  public List<LedgerEntry> since(long afterSequence, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
    int page = Math.min(limit, MAX_PAGE);
    long after = Math.max(0, afterSequence);
    return readers.read(c -> Reads.since(c, after, page));
  }

  @Override
  public long size() {
    return writer.size();
  }

  @Override
  public long height() {
    return writer.height();
  }

  @Override
  public Optional<Block> block(long height) {
    if (height < 0 || height > writer.height()) {
      return Optional.empty();
    }
    return readers.read(c -> Reads.block(c, height));
  }

  @Override
  public Ed25519PublicKey governanceKey() {
    return genesis.governance();
  }

  /** Returns the key of this node, which seals every block (recorded in genesis). */
  public Ed25519PublicKey nodeKey() {
    return genesis.node();
  }

  /** Fails queued submissions, waits for the block in progress, and releases the directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.close();
    readers.close();
    storage.close();
  }

  private void requireOpen() {
    if (closed) {
      throw new LedgerException("ledger is closed");
    }
  }

  private static Admission await(CompletableFuture<Admission> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while waiting for the ledger", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LedgerException le) {
        throw new LedgerException(le.getMessage(), le);
      }
      throw new LedgerException("ledger submission failed", e.getCause());
    }
  }
}
