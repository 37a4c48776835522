package io.mip.credential.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.mrz.MrzResult.Reason;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MrzParserTest {
  /** ICAO Doc 9303 part 4, Appendix A specimen passport. */
  static final String TD3 =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
          + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

  /** ICAO Doc 9303 part 5, Appendix A specimen ID card. */
  static final String TD1 =
      "I<UTOD231458907<<<<<<<<<<<<<<<\n"
          + "7408122F1204159UTO<<<<<<<<<<<6\n"
          + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

  static final LocalDate BEFORE_EXPIRY = LocalDate.of(2010, 1, 1);

  @Test
  void parse_icaoTd3Specimen_yieldsAllFields() {
    MrzResult r = MrzParser.parse(TD3, BEFORE_EXPIRY);

    assertThat(r.detail()).isEqualTo("ok");
    Mrz m = r.mrz();
    assertThat(m.format()).isEqualTo(Mrz.Format.TD3);
    assertThat(m.documentCode()).isEqualTo("P");
    assertThat(m.issuingState()).isEqualTo("UTO");
    assertThat(m.documentNumber()).isEqualTo("L898902C3");
    assertThat(m.nationality()).isEqualTo("UTO");
    assertThat(m.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
    assertThat(m.sex()).isEqualTo(Mrz.Sex.FEMALE);
    assertThat(m.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
    assertThat(m.primaryIdentifier()).isEqualTo("ERIKSSON");
    assertThat(m.secondaryIdentifier()).isEqualTo("ANNA MARIA");
    assertThat(m.documentType()).isEqualTo("passport");
  }

  @Test
  void parse_icaoTd1Specimen_yieldsAllFields() {
    MrzResult r = MrzParser.parse(TD1, BEFORE_EXPIRY);

    assertThat(r.detail()).isEqualTo("ok");
    Mrz m = r.mrz();
    assertThat(m.format()).isEqualTo(Mrz.Format.TD1);
    assertThat(m.documentCode()).isEqualTo("I");
    assertThat(m.documentNumber()).isEqualTo("D23145890");
    assertThat(m.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
    assertThat(m.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
    assertThat(m.primaryIdentifier()).isEqualTo("ERIKSSON");
    assertThat(m.secondaryIdentifier()).isEqualTo("ANNA MARIA");
    assertThat(m.documentType()).isEqualTo("id_card");
  }

  @Test
  void parse_td3BadDocumentNumberCheckDigit_failsNamingTheField() {
    MrzResult r = MrzParser.parse(TD3.replace("L898902C36", "L898902C35"), BEFORE_EXPIRY);

    assertThat(r.failure()).contains(Reason.BAD_CHECK_DIGIT);
    assertThat(r.detail()).contains("document number");
  }

  @Test
  void parse_td3BadBirthCheckDigit_failsBadCheckDigit() {
    MrzResult r = MrzParser.parse(TD3.replace("7408122F", "7408123F"), BEFORE_EXPIRY);

    assertThat(r.failure()).contains(Reason.BAD_CHECK_DIGIT);
  }

  @Test
  void parse_td3BadCompositeDigit_failsBadCheckDigit() {
    MrzResult r = MrzParser.parse(TD3.substring(0, TD3.length() - 1) + "1", BEFORE_EXPIRY);

    assertThat(r.failure()).contains(Reason.BAD_CHECK_DIGIT);
    assertThat(r.detail()).contains("composite");
  }

  @Test
  void parse_td1BadCompositeDigit_failsBadCheckDigit() {
    MrzResult r = MrzParser.parse(TD1.replace("<<<6\n", "<<<7\n"), BEFORE_EXPIRY);

    assertThat(r.failure()).contains(Reason.BAD_CHECK_DIGIT);
  }

  @Test
  void parse_td1BadExpiryDigit_failsBadCheckDigit() {
    MrzResult r = MrzParser.parse(TD1.replace("1204159UTO", "1204158UTO"), BEFORE_EXPIRY);

    assertThat(r.failure()).contains(Reason.BAD_CHECK_DIGIT);
  }

  @Test
  void parse_expiredDocument_failsDocumentExpired() {
    assertThat(MrzParser.parse(TD3, LocalDate.of(2020, 1, 1)).failure())
        .contains(Reason.DOCUMENT_EXPIRED);
  }

  @Test
  void parse_wrongLength_failsBadLength() {
    assertThat(MrzParser.parse(TD3.substring(1), BEFORE_EXPIRY).failure())
        .contains(Reason.BAD_LENGTH);
  }

  @Test
  void parse_lowerCase_failsBadCharacters() {
    assertThat(MrzParser.parse(TD3.toLowerCase(java.util.Locale.ROOT), BEFORE_EXPIRY).failure())
        .contains(Reason.BAD_CHARACTERS);
  }

  @Test
  void parse_birthYearAfterReferenceDate_isInThePreviousCentury() {
    String td3 = MrzSamples.td3("UTO", "X1234567", "UTO", "300101", 'M', "350101", "DOE", "JOHN");

    MrzResult r = MrzParser.parse(td3, LocalDate.of(2026, 6, 1));

    assertThat(r.mrz().birthDate()).isEqualTo(LocalDate.of(1930, 1, 1));
  }

  @Test
  void parse_recentBirthYear_isInThisCentury() {
    String td3 = MrzSamples.td3("UTO", "X1234567", "UTO", "080101", 'M', "350101", "DOE", "JOHN");

    assertThat(MrzParser.parse(td3, LocalDate.of(2026, 6, 1)).mrz().birthDate())
        .isEqualTo(LocalDate.of(2008, 1, 1));
  }

  @Test
  void parse_badSex_failsBadSex() {
    String td3 = MrzSamples.td3("UTO", "X1234567", "UTO", "800101", 'Q', "350101", "DOE", "JOHN");

    assertThat(MrzParser.parse(td3, LocalDate.of(2026, 6, 1)).failure()).contains(Reason.BAD_SEX);
  }

  @Test
  void parse_invalidDateWithGoodCheckDigit_failsBadDate() {
    String td3 = MrzSamples.td3("UTO", "X1234567", "UTO", "801399", 'M', "350101", "DOE", "JOHN");

    assertThat(MrzParser.parse(td3, LocalDate.of(2026, 6, 1)).failure()).contains(Reason.BAD_DATE);
  }

  @Test
  void checkDigit_icaoExample_is6() {
    assertThat(MrzParser.checkDigit("L898902C3")).isEqualTo(6);
    assertThat(MrzParser.checkDigit("D23145890")).isEqualTo(7);
  }
}
