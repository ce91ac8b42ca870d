import SottoModel
import Testing

@testable import SottoCore

@Suite struct UrgeSurfSessionTests {
  @Test func longSessionsCheckInEveryFiveMinutes() throws {
    let session = try UrgeSurfSession(minutes: 20, intensity: 8)
    #expect(session.plannedSeconds == 1200)
    #expect(session.schedule == [300, 600, 900])
    #expect(session.nextCheckIn(after: 300) == 600)
    #expect(session.nextCheckIn(after: 900) == nil)
  }

  @Test func shortSessionsCheckInOnceHalfWay() throws {
    let session = try UrgeSurfSession(minutes: 0.02, intensity: 5)
    #expect(abs(session.plannedSeconds - 1.2) < 1e-9)
    #expect(session.schedule.count == 1)
    #expect(abs(session.schedule[0] - 0.6) < 1e-9)
    #expect(try UrgeSurfSession(minutes: 9, intensity: 5).schedule == [270])
  }

  @Test func lengthAndIntensityAreChecked() {
    #expect(throws: EntryValidationError.self) { try UrgeSurfSession(minutes: 0.001, intensity: 5) }
    #expect(throws: EntryValidationError.self) { try UrgeSurfSession(minutes: 181, intensity: 5) }
    #expect(throws: EntryValidationError.self) { try UrgeSurfSession(minutes: .nan, intensity: 5) }
    #expect(throws: EntryValidationError.self) { try UrgeSurfSession(minutes: 5, intensity: 11) }
  }

  @Test func theLoggedUrgeHasStartAndLastIntensityMinutesAndCoping() throws {
    var session = try UrgeSurfSession(minutes: 20, intensity: 8)
    try session.report(6, at: 300)
    try session.report(3, at: 600)
    #expect(throws: EntryValidationError.self) { try session.report(-1, at: 700) }
    #expect(session.lastIntensity == 3)
    let urge = session.urge(after: 1190, acted: false, triggers: ["payday"])
    #expect(
      urge
        == Urge(
          intensity: 8, triggers: ["payday"], outcome: .resisted, durationMinutes: 20,
          coping: "urge surfing", finalIntensity: 3))
    try urge.validate()
    let early = session.urge(after: 20, acted: true, triggers: [])
    #expect(early.outcome == .acted)
    #expect(early.durationMinutes == 0)
  }

  @Test func intensityInputIsAWholeNumberFromZeroToTen() {
    #expect(UrgeSurfSession.parseIntensity(" 7 ") == 7)
    #expect(UrgeSurfSession.parseIntensity("10") == 10)
    #expect(UrgeSurfSession.parseIntensity("11") == nil)
    #expect(UrgeSurfSession.parseIntensity("seven") == nil)
    #expect(UrgeSurfSession.parseIntensity("") == nil)
  }

  @Test func theBreathingGuideRisesForFourSecondsAndFallsForSix() {
    #expect(UrgeSurfSession.breath(at: 0) < 1e-9)
    #expect(abs(UrgeSurfSession.breath(at: 4) - 1) < 1e-9)
    #expect(UrgeSurfSession.breath(at: 9.999) < 1e-3)
    #expect(UrgeSurfSession.breathingIn(at: 3.9))
    #expect(!UrgeSurfSession.breathingIn(at: 4.1))
    #expect(UrgeSurfSession.breath(at: 2) < UrgeSurfSession.breath(at: 3))
    #expect(UrgeSurfSession.breath(at: 6) > UrgeSurfSession.breath(at: 8))
  }
}
