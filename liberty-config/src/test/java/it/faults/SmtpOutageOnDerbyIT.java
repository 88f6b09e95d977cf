package it.faults;

/** {@link SmtpOutage} on embedded Derby (a fresh on-disk database). */
class SmtpOutageOnDerbyIT extends SmtpOutage {
  @Override
  TestDatabase database(String testName) {
    return TestDatabase.freshDerby(testName);
  }
}
