package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.followup.api.CaseSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupRulesTest {
  private static final long DAY = RollupRules.DAY_MILLIS;
  private static final long OPENED = 20_000 * DAY + 3_600_000;
  private static final Map<String, String> EMEA = Map.of("region", "EMEA");

  private static CaseSnapshot snapshot(String owner, Long replied, Long closed, String status) {
    return new CaseSnapshot(
        "c1",
        "r1",
        "s1",
        "p1",
        "text_2",
        "slow",
        3,
        "t1",
        owner,
        status,
        "HIGH",
        OPENED,
        OPENED + DAY,
        replied,
        closed,
        closed == null ? null : "delivery",
        0);
  }

  @Test
  void weeksStartOnMonday() {
    // 1970-01-05 was a Monday (day 4), 1970-01-04 a Sunday
    assertThat(RollupRules.week(4)).isEqualTo(RollupRules.week(10));
    assertThat(RollupRules.week(3)).isEqualTo(RollupRules.week(4) - 1);
  }

  @Test
  void aResponseCountsItsScoresAndCommentsOnItsDayAndSegment() {
    Rollup r = new Rollup();
    RollupRules.response(r, new ResponseFact("r1", "s1", "p1", OPENED, 9, 4, 2, 1), EMEA);
    long[] day = r.rows(RollupTable.SURVEY_DAY).values().iterator().next();
    assertThat(day[RollupTable.SURVEY_DAY.index("responses")]).isEqualTo(1);
    assertThat(day[RollupTable.SURVEY_DAY.index("nps_9")]).isEqualTo(1);
    assertThat(day[RollupTable.SURVEY_DAY.index("csat_top2")]).isEqualTo(1);
    assertThat(day[RollupTable.SURVEY_DAY.index("ces_sum")]).isEqualTo(2);
    long[] seg =
        r.rows(RollupTable.SEGMENT_DAY)
            .get(List.of("region", "EMEA", "s1", 20_000, RollupRules.week(20_000)));
    assertThat(seg[RollupTable.SEGMENT_DAY.index("promoters")]).isEqualTo(1);
  }

  @Test
  void aCaseChangeAddsOnlyTheDifferenceBetweenSnapshots() {
    Rollup r = new Rollup();
    CaseSnapshot open = snapshot("o1", null, null, "OPEN");
    CaseSnapshot replied = snapshot("o1", OPENED + 600_000, null, "OPEN");
    RollupRules.caseSnapshot(r, open, -1, EMEA);
    RollupRules.caseSnapshot(r, replied, 1, EMEA);
    long[] c = r.rows(RollupTable.CASE_DAY).values().iterator().next();
    assertThat(c[RollupTable.CASE_DAY.index("cases")]).isZero();
    assertThat(c[RollupTable.CASE_DAY.index("replied")]).isEqualTo(1);
    assertThat(c[RollupTable.CASE_DAY.index("sla_met")]).isEqualTo(1);
    assertThat(r.rows(RollupTable.CASE_TIME)).hasSize(1);
  }

  @Test
  void reassigningMovesTheCaseFromOneOwnerToTheOther() {
    Rollup r = new Rollup();
    RollupRules.caseSnapshot(r, snapshot("o1", null, null, "OPEN"), -1, Map.of());
    RollupRules.caseSnapshot(r, snapshot("o2", null, null, "OPEN"), 1, Map.of());
    Map<List<Object>, long[]> rows = r.rows(RollupTable.CASE_DAY);
    assertThat(rows).hasSize(2);
    rows.forEach(
        (key, v) ->
            assertThat(v[RollupTable.CASE_DAY.index("cases")])
                .isEqualTo(key.get(4).equals("o2") ? 1 : -1));
  }

  @Test
  void reopeningTakesTheCloseAway() {
    Rollup r = new Rollup();
    RollupRules.caseSnapshot(r, snapshot("o1", OPENED + 1, OPENED + DAY, "CLOSED"), -1, Map.of());
    RollupRules.caseSnapshot(r, snapshot("o1", OPENED + 1, null, "OPEN"), 1, Map.of());
    long[] c = r.rows(RollupTable.CASE_DAY).values().iterator().next();
    assertThat(c[RollupTable.CASE_DAY.index("closed")]).isEqualTo(-1);
    assertThat(c[RollupTable.CASE_DAY.index("replied")]).isZero();
  }

  @Test
  void monthsAreCalendarMonthsCountedFromJanuary1970() {
    int march2026 = (int) java.time.LocalDate.of(2026, 3, 1).toEpochDay();
    assertThat(RollupRules.month(march2026)).isEqualTo(56 * 12 + 2);
    assertThat(RollupRules.month(march2026 - 1)).isEqualTo(56 * 12 + 1);
    assertThat(RollupRules.monthStart(56 * 12 + 2)).isEqualTo(march2026);
  }

  @Test
  void anUnrepliedCaseWithADueTimeCountsAsUnrepliedDueUntilItIsAnswered() {
    Rollup r = new Rollup();
    RollupRules.caseSnapshot(r, snapshot("o1", null, null, "OPEN"), 1, Map.of());
    long[] month = r.rows(RollupTable.CASE_SURVEY_MONTH).values().iterator().next();
    assertThat(month[RollupTable.CASE_SURVEY_MONTH.index("unreplied_due")]).isEqualTo(1);
    assertThat(month[RollupTable.CASE_SURVEY_MONTH.index("unreplied_due_open")]).isEqualTo(1);
    RollupRules.caseSnapshot(r, snapshot("o1", null, null, "OPEN"), -1, Map.of());
    RollupRules.caseSnapshot(r, snapshot("o1", OPENED + 1, null, "OPEN"), 1, Map.of());
    long[] after = r.rows(RollupTable.CASE_SURVEY_MONTH).values().iterator().next();
    assertThat(after[RollupTable.CASE_SURVEY_MONTH.index("unreplied_due")]).isZero();
    assertThat(after[RollupTable.CASE_SURVEY_MONTH.index("unreplied_due_open")]).isZero();
    assertThat(after[RollupTable.CASE_SURVEY_MONTH.index("replied")]).isEqualTo(1);
  }

  @Test
  void theMonthlyRollupsWithoutTeamAndOwnerAddUpToTheDailyOnes() {
    Rollup r = new Rollup();
    RollupRules.caseSnapshot(r, snapshot("o1", OPENED + 600_000, null, "OPEN"), 1, EMEA);
    RollupRules.caseSnapshot(r, snapshot("o2", null, null, "OPEN"), 1, EMEA);
    long[] day = r.rows(RollupTable.CASE_SURVEY_DAY).values().iterator().next();
    long[] month = r.rows(RollupTable.CASE_SURVEY_MONTH).values().iterator().next();
    assertThat(day).containsExactly(month);
    assertThat(month[RollupTable.CASE_SURVEY_MONTH.index("cases")]).isEqualTo(2);
    assertThat(r.rows(RollupTable.CASE_TIME_MONTH)).hasSize(1);
    long[] seg = r.rows(RollupTable.SEGMENT_MONTH).values().iterator().next();
    assertThat(seg[RollupTable.SEGMENT_MONTH.index("cases")]).isEqualTo(2);
  }
}
