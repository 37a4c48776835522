package io.mip.credential.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mip.credential.mrz.Mrz;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KYC credential type {@value #VCT} (an SD-JWT VC, draft-ietf-oauth-sd-jwt-vc): always visible
 * {@code iss, iat, exp, vct, cnf, status}; selectively disclosable {@link #CLAIMS}.
 */
public final class KycCredential {
  /** The credential type. */
  public static final String VCT = "urn:mip:kyc:v1";

  /** The level this issuer asserts: document MRZ checked, live selfie matched to its photo. */
  public static final String LEVEL = "document-face-match";

  /** The selectively disclosable claims, in a stable order. */
  public static final List<String> CLAIMS =
      List.of(
          "given_name",
          "family_name",
          "birthdate",
          "nationality",
          "document_type",
          "document_number",
          "age_over_18",
          "age_over_21",
          "kyc_level",
          "verified_at");

  private KycCredential() {}

  /** Builds the disclosable claims from a validated MRZ, with ages as of {@code now}. */
  public static Map<String, JsonNode> claims(Mrz mrz, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long age = ChronoUnit.YEARS.between(mrz.birthDate(), today);
    Map<String, JsonNode> c = new LinkedHashMap<>();
    c.put("given_name", TextNode.valueOf(mrz.secondaryIdentifier()));
    c.put("family_name", TextNode.valueOf(mrz.primaryIdentifier()));
    c.put("birthdate", TextNode.valueOf(mrz.birthDate().toString()));
    c.put("nationality", TextNode.valueOf(mrz.nationality().replace("<", "")));
    c.put("document_type", TextNode.valueOf(mrz.documentType()));
    c.put("document_number", TextNode.valueOf(mrz.documentNumber()));
    c.put("age_over_18", BooleanNode.valueOf(age >= 18));
    c.put("age_over_21", BooleanNode.valueOf(age >= 21));
    c.put("kyc_level", TextNode.valueOf(LEVEL));
    c.put("verified_at", TextNode.valueOf(now.truncatedTo(ChronoUnit.SECONDS).toString()));
    return c;
  }
}
