package io.mip.crypto;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way MIP configures a Jackson mapper for JSON it did not write: I-JSON (RFC 7493) as far
 * as parsing goes, with size limits.
 *
 * <p>Guarantees: a mapper from {@link #mapper} refuses duplicate member names (RFC 7493 section
 * 2.3; RFC 7515 section 5.2 requires it for JOSE headers; {@link Jcs} canonicalisation is only
 * defined for such input), trailing tokens after the value, nesting deeper than the given depth,
 * and strings and numbers longer than the given lengths, before building the tree, so a hostile
 * document cannot exhaust memory. Each module picks limits for the documents it reads and keeps one
 * mapper per set of limits (mappers are thread-safe once configured).
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * Returns a new strict mapper.
   *
   * @param maxNestingDepth deepest nesting of arrays and objects accepted
   * @param maxStringLength longest string value or member name accepted, in characters
   * @param maxNumberLength longest number accepted, in characters
   */
  public static ObjectMapper mapper(int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    ObjectMapper m = new ObjectMapper();
    m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .build());
    return m;
  }
}
