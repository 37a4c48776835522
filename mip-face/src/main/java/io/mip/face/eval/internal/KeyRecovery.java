package io.mip.face.eval.internal;

import io.mip.crypto.SecretKeyAccess;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.Enrolment;
import io.mip.face.binding.FaceKey;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.binding.HelperData;
import io.mip.face.binding.internal.RecoveryModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Genuine and false key recovery through the real {@link FaceKeyBinding} enrol and unlock calls.
 * Each enrolment uses 3 photos of one identity; genuine tries unlock with each other photo alone
 * and with each pair of other photos; false tries unlock with every photo of every other identity
 * alone, then with every pair of photos of the same other identity (an impostor presenting two
 * captures of themselves) while the pair budget lasts.
 */
public final class KeyRecovery {
  private static final int DIM = 512;

  /**
   * Counts.
   *
   * @param enrolments enrolments made
   * @param singleOk genuine single-photo unlocks giving the enrolled key
   * @param singleTotal genuine single-photo unlocks tried
   * @param pairOk genuine two-photo unlocks giving the enrolled key
   * @param pairTotal genuine two-photo unlocks tried
   * @param falseOk impostor unlocks giving the enrolled key
   * @param falseTotal impostor unlocks tried
   * @param falsePairs impostor two-photo unlocks among them
   * @param enrolMs enrol latencies
   * @param unlockMs unlock latencies (a sample)
   * @param modelSingle expected genuine single-photo recoveries under {@link RecoveryModel}
   * @param modelPair expected genuine two-photo recoveries under the model
   * @param modelFalse expected impostor recoveries under the model, over the attempts tried
   * @param modelFalseAll expected impostor recoveries over every impostor attempt (all singles and
   *     all same-identity pairs), independent of the time budget
   * @param modelFalseAllAttempts how many attempts {@code modelFalseAll} covers
   */
  public record Result(
      int enrolments,
      long singleOk,
      long singleTotal,
      long pairOk,
      long pairTotal,
      long falseOk,
      long falseTotal,
      long falsePairs,
      List<Double> enrolMs,
      List<Double> unlockMs,
      double modelSingle,
      double modelPair,
      double modelFalse,
      double modelFalseAll,
      long modelFalseAllAttempts) {}

  private KeyRecovery() {}

  /** Runs the test on 2 threads; {@code onEnrolment} is called after each enrolment. */
  public static Result run(
      Map<String, List<FaceTemplate>> byIdentity,
      int alpha,
      int perIdentity,
      Duration pairBudget,
      long seed,
      IntConsumer onEnrolment) {
    List<String> ids = new ArrayList<>(byIdentity.keySet());
    Collections.sort(ids);
    List<int[]> tasks = new ArrayList<>(); // {identity index, a, b, c}
    for (int i = 0; i < ids.size(); i++) {
      List<int[]> triples = triples(byIdentity.get(ids.get(i)).size());
      Collections.shuffle(triples, new java.util.Random(seed * 31 + ids.get(i).hashCode()));
      for (int[] t : triples.subList(0, Math.min(perIdentity, triples.size()))) {
        tasks.add(new int[] {i, t[0], t[1], t[2]});
      }
    }
    long pairNanos = tasks.isEmpty() ? 0 : pairBudget.toNanos() / tasks.size();
    FaceKeyBinding binding = new FaceKeyBinding(alpha);
    RecoveryModel.Table model = new RecoveryModel.Table(alpha, DIM);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      List<Double> enrolMs = Collections.synchronizedList(new ArrayList<>());
      List<Double> unlockMs = Collections.synchronizedList(new ArrayList<>());
      for (int k = 0; k < tasks.size(); k++) {
        int[] task = tasks.get(k);
        long taskSeed = seed * 1_000_003L + k;
        futures.add(
            pool.submit(
                () -> {
                  double[] r =
                      one(
                          binding,
                          model,
                          ids,
                          byIdentity,
                          task,
                          taskSeed,
                          pairNanos,
                          enrolMs,
                          unlockMs);
                  onEnrolment.accept(done.incrementAndGet());
                  return r;
                }));
      }
      double[] sum = new double[12];
      for (Future<double[]> f : futures) {
        double[] r = f.get();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += r[i];
        }
      }
      return new Result(
          tasks.size(),
          (long) sum[0],
          (long) sum[1],
          (long) sum[2],
          (long) sum[3],
          (long) sum[4],
          (long) sum[5],
          (long) sum[6],
          enrolMs,
          unlockMs,
          sum[7],
          sum[8],
          sum[9],
          sum[10],
          (long) sum[11]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("key recovery test interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("key recovery test failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Number of enrolment tasks {@link #run} would make. */
  public static int taskCount(Map<String, List<FaceTemplate>> byIdentity, int perIdentity) {
    int n = 0;
    for (List<FaceTemplate> t : byIdentity.values()) {
      n += Math.min(perIdentity, triples(t.size()).size());
    }
    return n;
  }

  private static double[] one(
      FaceKeyBinding binding,
      RecoveryModel.Table model,
      List<String> ids,
      Map<String, List<FaceTemplate>> byIdentity,
      int[] task,
      long seed,
      long pairNanos,
      List<Double> enrolMs,
      List<Double> unlockMs) {
    List<FaceTemplate> own = byIdentity.get(ids.get(task[0]));
    List<FaceTemplate> enrolled = List.of(own.get(task[1]), own.get(task[2]), own.get(task[3]));
    FaceTemplate t = FaceTemplate.mean(enrolled);
    long t0 = System.nanoTime();
    Enrolment e = binding.enrol(enrolled, rng(seed));
    enrolMs.add((System.nanoTime() - t0) / 1e6);
    byte[] key = e.key().exportSecret(SecretKeyAccess.insecureSecretAccess());
    HelperData p = e.helperData();
    double[] r = new double[12];
    List<FaceTemplate> rest = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      if (i != task[1] && i != task[2] && i != task[3]) {
        rest.add(own.get(i));
      }
    }
    for (FaceTemplate probe : rest) {
      long u0 = System.nanoTime();
      r[0] += same(binding.unlock(p, List.of(probe)), key);
      unlockMs.add((System.nanoTime() - u0) / 1e6);
      r[1]++;
      r[7] += model.at(t.cosine(probe));
    }
    for (int i = 0; i < rest.size(); i++) {
      for (int j = i + 1; j < rest.size(); j++) {
        List<FaceTemplate> probe = List.of(rest.get(i), rest.get(j));
        r[2] += same(binding.unlock(p, probe), key);
        r[3]++;
        r[8] += model.at(t.cosine(FaceTemplate.mean(probe)));
      }
    }
    for (int other = 0; other < ids.size(); other++) {
      if (other != task[0]) {
        for (FaceTemplate probe : byIdentity.get(ids.get(other))) {
          r[4] += same(binding.unlock(p, List.of(probe)), key);
          r[5]++;
          double q = model.at(t.cosine(probe));
          r[9] += q;
          r[10] += q;
          r[11]++;
        }
      }
    }
    long deadline = System.nanoTime() + pairNanos;
    for (int other = 0; other < ids.size(); other++) {
      if (other == task[0]) {
        continue;
      }
      List<FaceTemplate> them = byIdentity.get(ids.get(other));
      for (int i = 0; i < them.size(); i++) {
        for (int j = i + 1; j < them.size(); j++) {
          List<FaceTemplate> probe = List.of(them.get(i), them.get(j));
          double q = model.at(t.cosine(FaceTemplate.mean(probe)));
          r[10] += q;
          r[11]++;
          if (System.nanoTime() <= deadline) {
            r[4] += same(binding.unlock(p, probe), key);
            r[5]++;
            r[6]++;
            r[9] += q;
          }
        }
      }
    }
    Arrays.fill(key, (byte) 0);
    return r;
  }

  private static int same(FaceKey k, byte[] expected) {
    byte[] got = k.exportSecret(SecretKeyAccess.insecureSecretAccess());
    boolean eq = MessageDigest.isEqual(got, expected);
    Arrays.fill(got, (byte) 0);
    return eq ? 1 : 0;
  }

  private static SecureRandom rng(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG missing from the JDK", e);
    }
  }

  private static List<int[]> triples(int n) {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        for (int c = b + 1; c < n; c++) {
          out.add(new int[] {a, b, c});
        }
      }
    }
    return out;
  }
}
