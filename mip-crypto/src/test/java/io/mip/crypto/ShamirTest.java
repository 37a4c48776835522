package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shamir secret sharing over GF(2^8), and the field arithmetic beneath it. */
class ShamirTest {
  private static final byte[] SEED = new byte[32];

  static {
    new Random(7).nextBytes(SEED);
  }

  /** FIPS 197 section 4.2: {57} * {83} = {c1}, and section 4.2.1: {57} * {13} = {fe}. */
  @Test
  void mul_fips197Examples_match() {
    assertThat(Gf256.mul(0x57, 0x83)).isEqualTo(0xc1);
    assertThat(Gf256.mul(0x57, 0x13)).isEqualTo(0xfe);
  }

  @Test
  void mul_everyPair_matchesLogTableReference() {
    // Reference built independently: powers of the generator 0x03 via shift-and-xor.
    int[] exp = new int[510];
    int[] log = new int[256];
    int x = 1;
    for (int i = 0; i < 255; i++) {
      exp[i] = x;
      exp[i + 255] = x;
      log[x] = i;
      int doubled = (x << 1) ^ ((x & 0x80) != 0 ? 0x11b : 0);
      x = doubled ^ x;
    }
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        int expected = a == 0 || b == 0 ? 0 : exp[log[a] + log[b]];
        assertThat(Gf256.mul(a, b)).as("%d * %d", a, b).isEqualTo(expected);
      }
    }
  }

  @Test
  void inv_everyNonZeroElement_isMultiplicativeInverse() {
    for (int a = 1; a < 256; a++) {
      assertThat(Gf256.mul(a, Gf256.inv(a))).as("a = %d", a).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}-of-{1}")
  @CsvSource({"2, 2", "2, 3", "3, 5", "5, 5", "4, 7"})
  void combine_everyThresholdSubset_recoversSecret(int threshold, int count) {
    List<Shamir.Share> shares = Shamir.split(SEED, threshold, count);
    assertThat(shares).hasSize(count);
    assertThat(shares).extracting(Shamir.Share::x).doesNotHaveDuplicates().allMatch(v -> v >= 1);
    for (List<Shamir.Share> subset : subsets(shares, threshold)) {
      assertThat(Shamir.combine(subset)).isEqualTo(SEED);
    }
    assertThat(Shamir.combine(shares)).as("all shares").isEqualTo(SEED);
  }

  @Test
  void combine_fewerThanThreshold_givesWrongSecret() {
    List<Shamir.Share> shares = Shamir.split(SEED, 3, 5);
    // With two of three needed shares, each byte is right with probability 1/256.
    assertThat(Shamir.combine(shares.subList(0, 2))).isNotEqualTo(SEED);
  }

  @Test
  void combine_shuffledAndSerialisedShares_recoversSecret() {
    List<Shamir.Share> shares = new ArrayList<>(Shamir.split(SEED, 3, 6));
    Collections.shuffle(shares, new Random(1));
    List<Shamir.Share> reparsed = new ArrayList<>();
    for (Shamir.Share s : shares.subList(0, 3)) {
      reparsed.add(Shamir.Share.fromBytes(s.toBytes()));
    }
    assertThat(reparsed).containsExactlyElementsOf(shares.subList(0, 3));
    assertThat(Shamir.combine(reparsed)).isEqualTo(SEED);
  }

  @Test
  void split_255Shares_isAllowedAndRecovers() {
    List<Shamir.Share> shares = Shamir.split(SEED, 2, 255);
    assertThat(shares.get(254).x()).isEqualTo(255);
    assertThat(Shamir.combine(List.of(shares.get(254), shares.get(17)))).isEqualTo(SEED);
  }

  @Test
  void split_sameSecretTwice_givesDifferentShares() {
    assertThat(Shamir.split(SEED, 2, 3).get(0)).isNotEqualTo(Shamir.split(SEED, 2, 3).get(0));
  }

  @ParameterizedTest(name = "t={0}, n={1}")
  @CsvSource({"1, 3", "0, 3", "4, 3", "2, 256"})
  void split_badThresholdOrCount_throws(int threshold, int count) {
    assertThatThrownBy(() -> Shamir.split(SEED, threshold, count))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void split_emptyOrOversizedSecret_throws() {
    assertThatThrownBy(() -> Shamir.split(new byte[0], 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shamir.split(new byte[Shamir.MAX_SECRET_LENGTH + 1], 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combine_duplicateX_throws() {
    List<Shamir.Share> shares = Shamir.split(SEED, 2, 3);
    assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), shares.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x = 1");
  }

  @Test
  void combine_mixedLengthsOrEmpty_throws() {
    Shamir.Share a = Shamir.split(SEED, 2, 2).get(0);
    Shamir.Share b = Shamir.split(new byte[16], 2, 2).get(1);
    assertThatThrownBy(() -> Shamir.combine(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shamir.combine(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void share_invalidX_throwsAndToStringHidesBytes() {
    assertThatThrownBy(() -> new Shamir.Share(0, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Shamir.Share(256, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shamir.Share.fromBytes(new byte[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Shamir.Share(3, new byte[] {0x7f, 0x7f}).toString())
        .isEqualTo("Shamir.Share[x=3, 2 bytes]");
  }

  private static List<List<Shamir.Share>> subsets(List<Shamir.Share> all, int size) {
    List<List<Shamir.Share>> out = new ArrayList<>();
    collect(all, size, 0, new ArrayList<>(), out);
    return out;
  }

  private static void collect(
      List<Shamir.Share> all,
      int size,
      int from,
      List<Shamir.Share> current,
      List<List<Shamir.Share>> out) {
    if (current.size() == size) {
      out.add(List.copyOf(current));
      return;
    }
    for (int i = from; i < all.size(); i++) {
      current.add(all.get(i));
      collect(all, size, i + 1, current, out);
      current.remove(current.size() - 1);
    }
  }
}
