import SottoAnalytics
import Testing

@Test func printFixture() throws {
  print(TextReportRenderer().render(try Fixture.report()))
}
