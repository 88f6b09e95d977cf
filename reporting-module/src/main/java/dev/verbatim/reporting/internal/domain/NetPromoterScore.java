package dev.verbatim.reporting.internal.domain;

/**
 * Net Promoter Score: % promoters (9–10) minus % detractors (0–6) among everyone who gave a score,
 * from -100 to 100, rounded to one decimal. Undefined (null) when nobody has answered.
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

  public NetPromoterScore {
    if (promoters < 0 || passives < 0 || detractors < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  public long answered() {
    return promoters + passives + detractors;
  }

  public Double score() {
    long n = answered();
    if (n == 0) {
      return null;
    }
    return Math.round((promoters - detractors) * 1000.0 / n) / 10.0;
  }
}
