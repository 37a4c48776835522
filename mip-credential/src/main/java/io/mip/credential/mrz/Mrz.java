package io.mip.credential.mrz;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The data of a validated machine-readable zone (ICAO Doc 9303 part 4 TD3, part 5 TD1). Every check
 * digit has been verified before an instance exists.
 *
 * @param format TD3 (passport, 2x44) or TD1 (ID card, 3x30)
 * @param documentCode the two-character document code with fillers removed ("P", "I", "ID", ...)
 * @param issuingState the three-letter issuing state or organisation (fillers kept, e.g. "D<<")
 * @param documentNumber the document number without fillers
 * @param nationality the three-letter nationality code (fillers kept)
 * @param birthDate the date of birth (century per {@link MrzParser})
 * @param sex the sex field
 * @param expiryDate the date of expiry
 * @param primaryIdentifier the primary identifier (surname), fillers turned into spaces
 * @param secondaryIdentifier the secondary identifier (given names), may be empty
 */
public record Mrz(
    Format format,
    String documentCode,
    String issuingState,
    String documentNumber,
    String nationality,
    LocalDate birthDate,
    Sex sex,
    LocalDate expiryDate,
    String primaryIdentifier,
    String secondaryIdentifier) {

  /** MRZ layouts. */
  public enum Format {
    /** Passport booklet, 2 lines of 44 (Doc 9303 part 4). */
    TD3,
    /** ID card, 3 lines of 30 (Doc 9303 part 5). */
    TD1
  }

  /** The MRZ sex field (Doc 9303 part 4 section 4.2.2). */
  public enum Sex {
    MALE,
    FEMALE,
    UNSPECIFIED
  }

  /** Validates presence of every field. */
  public Mrz {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(documentCode, "documentCode");
    Objects.requireNonNull(issuingState, "issuingState");
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(primaryIdentifier, "primaryIdentifier");
    Objects.requireNonNull(secondaryIdentifier, "secondaryIdentifier");
  }

  /** Returns "passport" for TD3 and "id_card" for TD1, the KYC credential's document_type. */
  public String documentType() {
    return format == Format.TD3 ? "passport" : "id_card";
  }

  /** Personal data stays out of logs. */
  @Override
  public String toString() {
    return "Mrz[" + format + " " + documentCode + " " + issuingState + "]";
  }
}
