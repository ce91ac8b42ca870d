import Foundation
import SottoModel

/// Realistic, reproducible sample journals for `sotto demo` and for benchmarks.
///
/// The same arguments always give the same entries; nothing reads the clock or the system's
/// random source.
public enum DemoJournal {
  /// The seed `sotto demo` uses unless told otherwise.
  public static let defaultSeed: UInt64 = 0x50_7707

  /// The most weeks a demo journal can span.
  public static let maxWeeks = 520

  /// A journal of `weeks` ISO weeks ending with the week of `endingAt` (no entry after it): urges
  /// with triggers, use of alcohol (drinks), cannabis (joints) and now and then MDMA (mg), two
  /// goals, a few quiet weeks and a harder one.
  ///
  /// - Throws: ``AnalyticsError`` (`invalidDemoSize`) unless `weeks` is from 1 to 520.
  public static func entries(
    weeks: Int, endingAt end: Date, timeZone: TimeZone, seed: UInt64 = defaultSeed
  ) throws(AnalyticsError) -> [Entry] {
    guard (1...maxWeeks).contains(weeks) else {
      throw AnalyticsError(
        code: .invalidDemoSize,
        message: "A demo journal spans 1 to \(maxWeeks) weeks, not \(weeks). Choose a number "
          + "in that range.")
    }
    var random = SeededGenerator(seed: seed)
    let endSeconds = Int64(end.timeIntervalSince1970.rounded(.down))
    let lastDay = LocalDate(date: end, timeZone: timeZone)
    let firstDay = WeekStart.monday.firstDay(ofWeekContaining: lastDay).adding(
      days: -7 * (weeks - 1))
    let hardWeek = weeks >= 3 ? weeks - 2 : -1
    var entries: [Entry] = []

    func add(_ day: LocalDate, minute: Int, _ body: EntryBody) {
      let local = Int64(day.dayNumber) * 86_400 + Int64(minute) * 60
      let guess = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
      let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - guess)))
      let unix = local - Int64(offset)
      guard unix <= endSeconds else { return }
      let at = Timestamp(unixSeconds: unix, utcOffsetSeconds: Int32(offset))
      entries.append(Entry(id: makeID(&random), at: at, body: body))
    }

    add(
      firstDay, minute: 9 * 60,
      .goal(Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week))))
    add(firstDay, minute: 9 * 60 + 1, .goal(Goal(rule: .useFreeDays(days: 2, period: .week))))

    for dayNumber in firstDay.dayNumber...lastDay.dayNumber {
      let day = LocalDate(dayNumber: dayNumber)
      let week = (dayNumber - firstDay.dayNumber) / 7
      let quiet = week != hardWeek && week % 4 == 1
      let hard = week == hardWeek
      let weekend = day.weekday == .friday || day.weekday == .saturday
      let payday = day.day == 25 || day.day == 26
      var urgeCount = random.int(0...1) + (weekend ? 1 : 0) + (payday ? 1 : 0)
      if quiet { urgeCount = urgeCount / 2 }
      if hard { urgeCount += 1 }
      let resistChance = quiet ? 0.8 : (hard ? 0.35 : 0.6)
      for _ in 0..<urgeCount {
        let hour = random.pick([8, 12, 13, 16, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23])
        let minute = hour * 60 + random.int(0...49)
        var triggers = [random.pick(triggerWords)]
        if random.chance(0.35) { triggers.append(random.pick(triggerWords)) }
        if payday && random.chance(0.8) { triggers.insert("payday", at: 0) }
        if weekend && hour >= 18 && random.chance(0.5) { triggers.append("friends") }
        var seen = Set<String>()
        triggers = triggers.filter { seen.insert($0).inserted }
        let intensity = min(10, random.int(3...7) + (hard ? 2 : 0))
        let outcome: UrgeOutcome? =
          random.chance(0.08) ? nil : (random.chance(resistChance) ? .resisted : .acted)
        var urge = Urge(
          intensity: intensity, triggers: triggers, outcome: outcome,
          durationMinutes: random.chance(0.6) ? random.int(5...45) : nil)
        if outcome == .resisted {
          if random.chance(0.4) {
            urge.coping = "urge surfing"
            urge.finalIntensity = max(0, intensity - random.int(1...5))
          } else {
            urge.coping = random.pick(copingWords)
          }
        }
        add(day, minute: minute, .urge(urge))
        if outcome == .acted {
          add(
            day, minute: min(minute + random.int(10...50), 23 * 60 + 59),
            .use(randomUse(&random, day: day, triggers: triggers, hard: hard)))
        }
      }
      if day.weekday == .saturday && !quiet && random.chance(0.3) {
        add(
          day, minute: 20 * 60 + random.int(0...59),
          .use(randomUse(&random, day: day, triggers: ["friends"], hard: hard)))
      }
    }
    return entries.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
  }

  /// A large journal for benchmarks: `count` entries spread evenly over `years` years ending at
  /// `endingAt`, about half urges and half uses, with two goals first. Fast: 100,000 entries take a
  /// small fraction of a second.
  ///
  /// - Throws: ``AnalyticsError`` (`invalidDemoSize`) unless `count` is from 2 to 10,000,000 and
  ///   `years` from 1 to 100.
  public static func bulk(
    count: Int, years: Int, endingAt end: Date, timeZone: TimeZone, seed: UInt64 = defaultSeed
  ) throws(AnalyticsError) -> [Entry] {
    guard (2...10_000_000).contains(count), (1...100).contains(years) else {
      throw AnalyticsError(
        code: .invalidDemoSize,
        message: "A bulk journal holds 2 to 10000000 entries over 1 to 100 years. Choose numbers "
          + "in those ranges.")
    }
    var random = SeededGenerator(seed: seed)
    let endSeconds = Int64(end.timeIntervalSince1970.rounded(.down))
    let span = Int64(years) * 365 * 86_400
    let start = endSeconds - span
    let step = max(1, span / Int64(count))
    var offsets: [Int64: Int32] = [:]
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    let startTimestamp = Timestamp(
      unixSeconds: start,
      utcOffsetSeconds: Int32(
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(start)))))
    entries.append(
      Entry(
        id: makeID(&random), at: startTimestamp,
        body: .goal(
          Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week)))))
    entries.append(
      Entry(
        id: makeID(&random), at: startTimestamp,
        body: .goal(Goal(rule: .useFreeDays(days: 2, period: .week)))))
    for index in 2..<count {
      let unix = min(endSeconds, start + Int64(index) * step + Int64(random.next() % UInt64(step)))
      let hourKey = unix / 86_400
      let offset: Int32
      if let cached = offsets[hourKey] {
        offset = cached
      } else {
        offset = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(unix))))
        offsets[hourKey] = offset
      }
      let at = Timestamp(unixSeconds: unix, utcOffsetSeconds: offset)
      let roll = random.next()
      let body: EntryBody
      if roll % 100 < 48 {
        body = .urge(
          Urge(
            intensity: Int((roll >> 8) % 11), triggers: bulkTriggerSets[Int((roll >> 16) % 6)],
            outcome: (roll >> 24) % 3 == 0 ? .acted : .resisted,
            durationMinutes: Int((roll >> 32) % 60)))
      } else {
        let substance = bulkSubstances[Int((roll >> 8) % 3)]
        body = .use(
          Use(
            substance: substance.0, amount: Double(1 + (roll >> 16) % 4) * substance.1,
            unit: substance.2, cost: Double((roll >> 24) % 40)))
      }
      entries.append(Entry(id: makeID(&random), at: at, body: body))
    }
    return entries
  }

  private static let triggerWords = [
    "bored", "stress", "after work", "tired", "lonely", "argument", "bored", "stress",
  ]
  private static let copingWords = [
    "walked it off", "called a friend", "cooked dinner", "breathing", "went to bed early",
  ]
  private static let bulkTriggerSets: [[String]] = [
    ["bored"], ["stress"], ["payday"], ["friends", "after work"], ["tired"], [],
  ]
  private static let bulkSubstances: [(String, Double, String)] = [
    ("alcohol", 1, "drinks"), ("cannabis", 1, "joints"), ("mdma", 40, "mg"),
  ]

  private static func randomUse(
    _ random: inout SeededGenerator, day: LocalDate, triggers: [String], hard: Bool
  ) -> Use {
    let roll = random.int(0...99)
    if roll < 6 && day.weekday == .saturday && triggers.contains("friends") {
      let milligrams = Double(random.int(8...12) * 10)
      return Use(
        substance: "mdma", amount: milligrams, unit: "mg", route: "oral", setting: "party",
        cost: 20)
    }
    if roll < 62 {
      let drinks = Double(random.int(1...4) + (hard ? 2 : 0))
      return Use(
        substance: "alcohol", amount: drinks, unit: "drinks", route: "oral",
        setting: random.pick(["home", "bar", "friend's place"]), cost: drinks * 6.5,
        moodBefore: random.pick(["tense", "flat", "restless", "ok"]))
    }
    let joints = Double(random.int(1...2))
    return Use(
      substance: "cannabis", amount: joints, unit: "joints", route: "smoked",
      setting: random.pick(["home", "friend's place"]), cost: joints * 10,
      moodBefore: random.pick(["tense", "flat", "restless", "ok"]))
  }

  private static func makeID(_ random: inout SeededGenerator) -> EntryID {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(16)
    for word in [random.next(), random.next()] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return EntryID(bytes: bytes)!
  }
}
