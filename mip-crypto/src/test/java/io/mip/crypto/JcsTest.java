package io.mip.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JCS against RFC 8785 (sections 3.2.2, 3.2.3, appendix B) and the test data of the RFC's reference
 * implementation (cyberphone/json-canonicalization, testdata/input and output).
 */
class JcsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String canonical(String json) throws JsonProcessingException {
    return Jcs.canonicalString(MAPPER.readTree(json));
  }

  /** RFC 8785 section 3.2.2: the example with numbers, escapes and literals. */
  @Test
  void canonicalString_rfc8785Section322Example_matches() throws JsonProcessingException {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(canonical(input)).isEqualTo(expected);
    // Section 3.2.4: the UTF-8 bytes start with the documented 7b 22 6c 69.
    assertThat(HexFormat.of().formatHex(Jcs.canonicalize(MAPPER.readTree(input)), 0, 4))
        .isEqualTo("7b226c69");
  }

  /** RFC 8785 section 3.2.3: property names sorted by UTF-16 code units. */
  @Test
  void canonicalString_rfc8785Section323Sorting_ordersByUtf16CodeUnits()
      throws JsonProcessingException {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;
    String expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
            + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
    assertThat(canonical(input)).isEqualTo(expected);
  }

  /** RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text. */
  @ParameterizedTest(name = "0x{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void canonicalString_rfc8785AppendixBNumber_matches(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(Jcs.canonicalString(NODES.numberNode(value))).isEqualTo(expected);
  }

  /** RFC 8785 appendix B: NaN and Infinity are errors. */
  @ParameterizedTest
  @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void canonicalString_nonFiniteNumber_throws(String bits) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThatThrownBy(() -> Jcs.canonicalString(NODES.numberNode(value)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * cyberphone/json-canonicalization testdata: arrays, french, structures, unicode, values, weird.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "arrays | [ 56, { \"d\": true, \"10\": null, \"1\": [ ] } ] | [56,{\"1\":[],\"10\":null,\"d\":true}]",
        "french | { \"peach\": \"This sorting order\", \"p\u00e9ch\u00e9\": \"is wrong according to French\","
            + " \"p\u00eache\": \"but canonicalization MUST\", \"sin\": \"ingnore locale\" }"
            + " | {\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
            + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}",
        "structures | { \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0}, \"10\": { }, \"\": \"empty\","
            + " \"a\": { }, \"111\": [ { } ], \"A\": { } }"
            + " | {\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],"
            + "\"A\":{},\"a\":{}}",
        "unicode | { \"Unnormalized Unicode\":\"\\u1e0d\\u0307\" }"
            + " | {\"Unnormalized Unicode\":\"\u1e0d\u0307\"}",
        "values | { \"numbers\": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],"
            + " \"escaping\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + " \"literals\": [null, true, false] }"
            + " | {\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
            + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}",
        "weird | { \"\\u20ac\": \"Euro Sign\", \"1\": \"One\", \"\\u0080\": \"Control\\u007f\","
            + " \"\\ud83d\\ude02\": \"Smiley\", \"\\u00f6\": \"Latin Small Letter O With Diaeresis\","
            + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"</script>\": \"Browser Challenge\" }"
            + " | {\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"
      })
  void canonicalString_referenceTestData_matchesOutput(String name, String input, String output)
      throws JsonProcessingException {
    assertThat(canonical(input)).isEqualTo(output);
    assertThat(new String(Jcs.canonicalize(MAPPER.readTree(input)), StandardCharsets.UTF_8))
        .isEqualTo(output);
  }

  @Test
  void canonicalString_controlCharacters_useLowercaseUnicodeEscapes() {
    assertThat(Jcs.canonicalString(NODES.textNode("\u0000\u001f\b\t\n\f\r")))
        .isEqualTo("\"\\u0000\\u001f\\b\\t\\n\\f\\r\"");
  }

  @Test
  void canonicalString_loneSurrogate_throws() {
    assertThatThrownBy(() -> Jcs.canonicalString(NODES.textNode("a\ud800")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jcs.canonicalString(NODES.textNode("\udc00b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalString_integerBeyond2To53_throws() {
    JsonNode big = NODES.numberNode(BigInteger.valueOf(9007199254740992L));
    assertThatThrownBy(() -> Jcs.canonicalString(big)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Jcs.canonicalString(NODES.numberNode(9007199254740991L)))
        .isEqualTo("9007199254740991");
    assertThat(Jcs.canonicalString(NODES.numberNode(-9007199254740991L)))
        .isEqualTo("-9007199254740991");
  }

  @Test
  void canonicalString_tooDeep_throws() {
    ArrayNode root = NODES.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < Jcs.MAX_DEPTH + 1; i++) {
      current = current.addArray();
    }
    assertThatThrownBy(() -> Jcs.canonicalString(root))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalString_binaryNode_throws() {
    assertThatThrownBy(() -> Jcs.canonicalString(NODES.binaryNode(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
