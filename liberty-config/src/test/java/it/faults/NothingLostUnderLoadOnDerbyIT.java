package it.faults;

/** {@link NothingLostUnderLoad} on embedded Derby (a fresh on-disk database). */
class NothingLostUnderLoadOnDerbyIT extends NothingLostUnderLoad {
  @Override
  TestDatabase database(String testName) {
    return TestDatabase.freshDerby(testName);
  }
}
