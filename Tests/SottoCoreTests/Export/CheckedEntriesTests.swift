import CSodium
import Foundation
import SottoModel
import Testing

@testable import SottoCore

/// The checks run on every core and find duplicates by sorting, but must report what one pass
/// through the file would meet first.
@Suite struct CheckedEntriesTests {
  func failure(_ entries: [Entry]) -> JournalCodecError? {
    do {
      _ = try CheckedEntries.check(entries) { .entry($0 + 1) }
      return nil
    } catch {
      return error
    }
  }

  @Test func theIdOrderSortsEveryEntryOnce() throws {
    let entries = Fixtures.entries(5000)
    let checked = try CheckedEntries(validating: entries)
    #expect(checked.all == entries)
    #expect(Set(checked.idOrder).count == entries.count)
    let ascending = zip(checked.idOrder, checked.idOrder.dropFirst()).allSatisfy {
      entries[$0].id < entries[$1].id
    }
    #expect(ascending)
  }

  @Test func aRepeatedIdIsReportedAtItsSecondPlaceNamingTheFirst() {
    var entries = Fixtures.entries(6000)
    // Two repeats: the one met first in reading order (at 4001, of entry 11) is reported,
    // not the one whose id sorts first; a third copy does not change which.
    entries[4000] = Entry(id: entries[10].id, at: Fixtures.time, body: .urge(Fixtures.urge))
    entries[5500] = Entry(id: entries[10].id, at: Fixtures.time, body: .urge(Fixtures.urge))
    entries[4500] = Entry(id: entries[2].id, at: Fixtures.time, body: .urge(Fixtures.urge))
    let error = failure(entries)
    #expect(error?.code == .duplicateID)
    #expect(error?.location == .entry(4001))
    #expect(error?.description.contains("entry 11") == true, "\(String(describing: error))")
  }

  @Test func whicheverProblemComesFirstInReadingOrderIsReported() {
    var entries = Fixtures.entries(6000)
    entries[3000] = Entry(id: entries[1].id, at: Fixtures.time, body: .urge(Fixtures.urge))
    entries[5000].body = .urge(Urge(intensity: 11))
    #expect(failure(entries)?.code == .duplicateID)
    #expect(failure(entries)?.location == .entry(3001))
    entries[2000].body = .urge(Urge(intensity: 11))
    #expect(failure(entries)?.code == .invalidEntry)
    #expect(failure(entries)?.location == .entry(2001))
    // At the same place, the entry's own check comes before the comparison with earlier ones.
    entries[2000].body = .urge(Fixtures.urge)
    entries[3000].body = .urge(Urge(intensity: 11))
    #expect(failure(entries)?.code == .invalidEntry)
    #expect(failure(entries)?.location == .entry(3001))
  }

  @Test func anEmptyListIsChecked() throws {
    let checked = try CheckedEntries(validating: [])
    #expect(checked.all.isEmpty)
    #expect(checked.idOrder.isEmpty)
  }
}
