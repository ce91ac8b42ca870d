import Foundation
import GRDB
import SottoAnalytics
import SottoCrypto
import SottoModel
import SottoStorage
import Testing

@testable import SottoCore

/// The status and the reports read through the time index only the entries they need, and
/// come out exactly as they do from every entry; what is changed behind Sotto's back among the
/// records read is reported, never shown.
@Suite struct NeededEntriesTests {
  static let timeZone = TimeZone(identifier: "Europe/London")!
  /// Wednesday 2026-11-25 18:00 UTC: the demo journal's last week.
  static let end = Date(timeIntervalSince1970: 1_795_629_600)
  /// From `end` to Sunday 2026-11-29 23:30 and to Monday 2026-11-23 00:30, London (GMT).
  static let sundayNight: Int64 = 4 * 86_400 + 19_800
  static let mondayNight: Int64 = -(2 * 86_400 + 63_000)

  /// The demo journal (60 weeks of urges and uses, two goals), with what it lacks: every other
  /// kind of goal (one of them a minimum gap, whose first gap reaches before the days read), a
  /// rule, a substance used once long ago and one used only in the future, and entries at the
  /// widest offsets either side, and an entry dated after `end`.
  static func entries() throws -> [Entry] {
    var entries = try DemoJournal.entries(weeks: 60, endingAt: end, timeZone: timeZone)
    let start = Int64(end.timeIntervalSince1970) - 400 * 86_400
    func add(_ unix: Int64, offset: Int32 = 0, _ body: EntryBody) {
      entries.append(
        Entry(
          id: EntryID(bytes: SecureRandom.bytes(16))!,
          at: Timestamp(unixSeconds: unix, utcOffsetSeconds: offset), body: body))
    }
    for (number, goal) in Fixtures.goals.enumerated() {
      add(start + Int64(number) * 86_400, .goal(goal))
    }
    add(start, .goal(Goal(rule: .minGap(hours: 72, substance: "ketamine"))))
    add(start + 3_600, .rule(SafetyRule("alcohol", "ketamine")))
    add(start + 10 * 86_400, .use(Use(substance: "ketamine", amount: 40, unit: "mg")))
    add(start + 200 * 86_400, offset: 14 * 3600, .use(Use(substance: "Ketamine")))
    let last = Int64(end.timeIntervalSince1970)
    add(
      last - 2 * 86_400 + 40_000, offset: -12 * 3600,
      .use(Use(substance: "alcohol", amount: 2, unit: "drinks", cost: 9)))
    add(last - 86_400 + 80_000, offset: 14 * 3600, .urge(Urge(intensity: 4, outcome: .resisted)))
    add(last + 3 * 3600, .use(Use(substance: "tobacco", amount: 1, unit: "cigarettes")))
    // Three costs whose sum depends on the order they are added in (0.1 + 0.2 + 0.3 is
    // 0.6000000000000001, 0.3 + 0.2 + 0.1 is 0.6), logged in time order under ids in the
    // other order.
    for (number, cost) in [0.1, 0.2, 0.3].enumerated() {
      entries.append(
        Entry(
          id: EntryID(bytes: [UInt8](repeating: UInt8(0xf0 - 0x70 * number), count: 16))!,
          at: Timestamp(unixSeconds: last - 3 * 3600 + Int64(number) * 3600, utcOffsetSeconds: 0),
          body: .use(Use(substance: "wine", amount: 1, unit: "glasses", cost: cost))))
    }
    // Sunday 2026-11-29 23:15 in London, logged at +14:00: the next week's Monday there.
    add(last + Self.sundayNight - 900, offset: 14 * 3600, .use(Use(substance: "cannabis")))
    // At Monday 2026-11-23 00:30 in London this is 4 hours ahead, yet at -12:00 it lies on the
    // Sunday before.
    add(last + Self.mondayNight + 4 * 3600, offset: -12 * 3600, .use(Use(substance: "alcohol")))
    // A minimum gap from day G: a use at 01:00 on G (+14:00, so day G) and one 10 hours
    // later at -12:00 (day G - 1, before the goal), then one this week: the gap is from the
    // first of the two, though the second is later.
    let goalDay = (last - 100 * 86_400) / 86_400 * 86_400
    add(goalDay, .goal(Goal(rule: .minGap(hours: 24, substance: "lsd"))))
    add(goalDay + 3_600, offset: 14 * 3600, .use(Use(substance: "lsd")))
    add(goalDay + 3_600 + 36_000, offset: -12 * 3600, .use(Use(substance: "lsd")))
    add(last - 7_200, .use(Use(substance: "lsd")))
    return entries
  }

  /// Every status and report asked for at several times, day starts, week starts and series
  /// lengths is the one built from every entry, and the week's report opens far fewer records
  /// than the journal holds.
  @Test func theStatusAndReportsFromTheIndexAreTheOnesFromEveryEntry() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let entries = try Self.entries()
    try journal.add(entries)
    let all = try journal.contents().all
    #expect(all.count == entries.count)
    let selections: [(ReportSelection, Int)] = [
      (.currentWeek, 8), (.lastWeek, 1), (.monthBack(1), 8), (.monthBack(0), 3), (.yearBack(0), 8),
      (.range(since: Self.end.addingTimeInterval(-40 * 86_400), until: Self.end), 2),
      (.currentWeek, 30),
    ]
    let offsets: [TimeInterval] = [
      0, -9 * 86_400, 3 * 86_400 + 7_200, 500 * 86_400, Double(Self.sundayNight),
      Double(Self.mondayNight),
    ]
    for offset in offsets {
      let now = Self.end.addingTimeInterval(offset)
      for dayStart in [DayStart.midnight, DayStart(minutes: 300)!] {
        for weekStart in [WeekStart.monday, .sunday] {
          let settings = JournalSettings(dayStart: dayStart)
          let needed = JournalStatus.entriesNeeded(
            timeZone: Self.timeZone, weekStart: weekStart, now: now, settings: settings)
          let found = try journal.entries(needed, mostToPick: 1)
          let read = try #require(found)
          #expect(read.integrity.isClean)
          let status = JournalStatus.build(
            entries: read.entries, outline: read.outline, timeZone: Self.timeZone,
            weekStart: weekStart, now: now, settings: settings)
          let expected = JournalStatus.build(
            entries: all, timeZone: Self.timeZone, weekStart: weekStart, now: now,
            settings: settings)
          #expect(status == expected, "status at \(now), \(dayStart.text), \(weekStart)")
          #expect(read.entries.count < all.count / 10, "status read \(read.entries.count as Int)")
          for (selection, weeks) in selections {
            var options = ReportOptions(
              timeZone: Self.timeZone, weekStart: weekStart, now: now, selection: selection,
              seriesWeeks: weeks, settings: settings)
            options.settings = settings
            let needed = try WeeklyReport.entriesNeeded(options: options)
            let found = try journal.entries(needed, mostToPick: 1)
            let read = try #require(found)
            let report = try WeeklyReport.build(
              entries: read.entries, outline: read.outline, options: options)
            let expected = try WeeklyReport.build(entries: all, options: options)
            #expect(report == expected, "report \(selection) ×\(weeks) at \(now), \(dayStart.text)")
            if case .currentWeek = selection, weeks == 8, offset == 500 * 86_400 {
              #expect(
                read.entries.count < 40, "a week long after read \(read.entries.count as Int)")
            }
            // Days holding more than a quarter of the journal are read with every record.
            let whole = try journal.entries(needed) == nil
            let estimate = UnlockedJournal.listedOnDays(needed, leaves: try Self.leaves(journal))
            #expect(whole == (estimate > all.count / UnlockedJournal.mostToPick))
            if case .yearBack = selection { #expect(whole) }
          }
        }
      }
    }
  }

  /// The leaves the root lists.
  static func leaves(_ journal: UnlockedJournal) throws -> [TimeIndex.Leaf] {
    try journal.read { db in
      let reference = try #require(try journal.manifest.readHead(db)?.index)
      return try #require(try journal.manifest.timeIndex.leaves(db, reference))
    }
  }

  /// A record replayed from an older copy, a record deleted behind Sotto's back and one that
  /// no longer opens (its tag, bound in its associated data but not in its digest, changed), all among those a report reads, are reported by id and left out; a leaf
  /// replaced makes the index unusable (the caller reads every record, which checks them all).
  @Test func recordsChangedBehindSottosBackAreReportedAndALeafReplacedIsNotUsed() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let now = Self.end
    let entries = try Self.entries()
    try journal.add(entries)
    let needed = JournalStatus.entriesNeeded(timeZone: Self.timeZone, now: now)
    let before = try #require(try journal.entries(needed, mostToPick: 1) as NeededEntries?)
    let targets = before.entries.filter { $0.kind == .use }.prefix(3).map(\.id)
    try #require(targets.count == 3)
    let old = try #require(
      try Fixtures.recordRows(path).first { ($0["id"] as Data?) == Data(targets[0].bytes) })
    // An edit, then the old row put back: it is the manifest's no longer.
    var edited = try journal.entry(matching: targets[0].hex)
    var use = try #require(edited.entry.use)
    use.cost = 99
    edited.entry.body = .use(use)
    try journal.update(edited)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET tag = ?, nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [old["tag"], old["nonce"], old["ciphertext"], Data(targets[0].bytes)])
      try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [Data(targets[1].bytes)])
      try db.execute(
        sql: "UPDATE records SET tag = randomblob(16) WHERE id = ?",
        arguments: [Data(targets[2].bytes)])
    }
    let after = try #require(try journal.entries(needed, mostToPick: 1) as NeededEntries?)
    #expect(after.integrity.digestMismatch == [targets[0]])
    #expect(after.integrity.missing == [targets[1]])
    #expect(after.integrity.undecryptable == [targets[2]])
    #expect(Set(after.entries.map(\.id)) == Set(before.entries.map(\.id)).subtracting(targets))
    // A leaf put back as it was before a change: its digest is not the root's.
    let pages = try Fixtures.rows(path, "pages")
    try journal.add(
      .urge(Urge(intensity: 2)), at: Timestamp(unixSeconds: 1_780_000_000, utcOffsetSeconds: 0))
    try Fixtures.tamper(path) { db in
      for page in pages {
        try db.execute(
          sql: "UPDATE pages SET nonce = ?, ciphertext = ? WHERE id = ?",
          arguments: [page["nonce"], page["ciphertext"], page["id"]])
      }
    }
    #expect(try journal.entries(needed, mostToPick: 1) == nil)
  }

  /// In a journal of 20,000 entries over five years, this week's status picks its records
  /// (it reads under a tenth of them), and a year's report, whose series spans every year,
  /// reads them all in order instead.
  @Test func aFewDaysArePickedAndMostOfTheJournalIsReadInOrder() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    try journal.add(
      try DemoJournal.bulk(count: 20_000, years: 5, endingAt: Self.end, timeZone: Self.timeZone))
    let status = JournalStatus.entriesNeeded(timeZone: Self.timeZone, now: Self.end)
    let picked = try #require(try journal.entries(status) as NeededEntries?)
    #expect(picked.entries.count < 2_000 && picked.entries.count > 0)
    let year = try WeeklyReport.entriesNeeded(
      options: ReportOptions(timeZone: Self.timeZone, now: Self.end, selection: .yearBack(0)))
    #expect(try journal.entries(year) == nil)
  }
}
