import Foundation
import SottoModel
import SottoStorage

/// The rules of the quick-capture inbox: the one door into a journal that opens without the
/// passphrase, so anyone who can write the file can knock. Only what quick capture itself
/// writes may come in, and never more than a person can review.
public enum Inbox {
  /// The kinds quick capture writes; nothing else comes in through the inbox.
  public static let allowedKinds: Set<EntryKind> = [.urge, .use]
  /// The most rows an unlock moves in without being asked; above it, none are moved and the
  /// person is told to review them (`sotto inbox`).
  public static let rowsPerUnlock = 1_000
  /// The largest padded plaintext quick capture seals (`capture` refuses a larger entry).
  public static let maxPlaintextBytes = 64 * 1024
  /// The largest sealed row that is opened at all: larger rows are refused undecrypted.
  public static var maxSealedBytes: Int { maxPlaintextBytes + Vault.sealOverheadBytes }
}

/// Why an inbox row cannot come in.
public enum InboxProblem: Sendable, Equatable, CustomStringConvertible {
  /// Larger than anything quick capture writes; refused without being decrypted.
  case tooLarge(bytes: Int)
  /// Not sealed to this journal's inbox key, or changed since.
  case doesNotOpen
  /// Opens, but is not an entry Sotto can read.
  case unreadable
  /// A kind quick capture never writes (a goal, a rule).
  case kindNotAllowed(EntryKind)
  /// An entry that fails the checks typed input gets.
  case invalid(String)
  /// The row's id and the entry's id differ.
  case idMismatch

  public var description: String {
    switch self {
    case .tooLarge(let bytes):
      "is \(bytes) bytes, larger than any quick capture (refused without being opened)"
    case .doesNotOpen: "does not open with this journal's key (not sealed by its Sotto, or changed)"
    case .unreadable: "opens but holds no entry Sotto can read"
    case .kindNotAllowed(let kind):
      "holds a \(kind.rawValue), which quick capture never writes (refused)"
    case .invalid(let reason): "holds an entry that fails its checks: \(reason)"
    case .idMismatch: "holds an entry whose id differs from the row's"
    }
  }
}

/// An inbox row as read: its plaintext, or why it was not opened.
enum OpenedInboxRow {
  case opened([UInt8])
  case refused(InboxProblem)
}

/// One inbox row as the person reviews it.
public struct InboxItem: Sendable {
  /// The row's id (the entry's id when it is sound).
  public let id: EntryID
  /// The entry, when the row opens and decodes.
  public let entry: Entry?
  /// Why it cannot come in, or `nil` when it can.
  public let problem: InboxProblem?
}

/// What the unlock did with the inbox.
public struct InboxAtUnlock: Sendable {
  /// Why rows were left waiting.
  public enum Held: Sendable, Equatable {
    /// Quick capture is off: nothing comes in through the inbox.
    case quickCaptureOff
    /// More rows than ``Inbox/rowsPerUnlock``.
    case tooMany
  }

  /// Entries moved into the journal.
  public var moved = 0
  /// Rows left waiting, unopened, and why.
  public var waiting = 0
  public var held: Held?
  /// Rows refused, by id, with the reason; left in place until discarded.
  public var refused: [(id: EntryID, problem: InboxProblem)] = []
}

extension UnlockedJournal {
  /// The unlock's inbox step: moves sound quick captures in, in one transaction, when quick
  /// capture is on and no more than ``Inbox/rowsPerUnlock`` wait; otherwise opens nothing.
  func receiveInbox() throws(SottoError) -> InboxAtUnlock {
    var result = InboxAtUnlock()
    let pending = try journal.inboxCount()
    guard pending > 0 else { return result }
    guard header.quickCapture else {
      result.waiting = pending
      result.held = .quickCaptureOff
      return result
    }
    guard pending <= Inbox.rowsPerUnlock else {
      result.waiting = pending
      result.held = .tooMany
      return result
    }
    let outcome = try write { db in try self.moveIn(db, only: nil) }
    result.moved = outcome.moved
    result.refused = outcome.refused
    return result
  }

  /// The first `limit` inbox rows (by id), opened and checked, for review (`sotto inbox`);
  /// only those are opened.
  public func inboxItems(limit: Int = .max) throws(SottoError) -> [InboxItem] {
    try read { db in try self.reviewRows(db, only: nil, limit: limit) }
  }

  /// Moves the sound inbox rows among `ids` (all when `nil`) into the journal, in one
  /// transaction, whether or not quick capture is on: the person has reviewed them. Rows with
  /// a problem stay and are returned.
  public func acceptInbox(_ ids: [EntryID]?) throws(SottoError) -> (
    moved: Int, refused: [(id: EntryID, problem: InboxProblem)]
  ) {
    let outcome = try write { db in try self.moveIn(db, only: ids.map(Set.init)) }
    checkpoint()
    return outcome
  }

  /// Deletes the inbox rows among `ids` (all when `nil`), unopened; returns how many.
  @discardableResult
  public func discardInbox(_ ids: [EntryID]?) throws(SottoError) -> Int {
    let count = try write { db -> Int in
      guard let ids else { return try db.inbox.deleteAll() }
      // By the stored bytes: a hostile row's id need not be 16 bytes long.
      let wanted = Set(ids)
      var count = 0
      for raw in try db.inbox.ids() where wanted.contains(Self.entryID(raw)) {
        count += try db.inbox.delete(id: raw)
      }
      return count
    }
    checkpoint()
    return count
  }

  /// The inbox row whose id is `text` or starts with it (6 to 32 hex digits).
  public func inboxID(matching text: String) throws(SottoError) -> EntryID {
    Self.entryID(
      try Self.uniqueID(
        matching: text, in: read { db in try db.inbox.ids() },
        names: ("inbox row", "inbox rows", "`sotto inbox`")))
  }

  private func moveIn(_ db: StoreTransaction, only: Set<EntryID>?) throws -> (
    moved: Int, refused: [(id: EntryID, problem: InboxProblem)]
  ) {
    var changes: [(id: RecordKey, item: ManifestItem?)] = []
    var refused: [(id: EntryID, problem: InboxProblem)] = []
    let stamp = try manifest.stamp(db)
    for item in try reviewRows(db, only: only) {
      guard item.problem == nil, var entry = item.entry else {
        refused.append((item.id, item.problem ?? .unreadable))
        continue
      }
      entry.source = .quickCapture
      if try !db.records.contains(entry.id.bytes) {
        changes.append(
          (
            RecordKey(entry.id.bytes),
            try writeSuccessor(db, of: nil, entry: entry, id: entry.id, stamp: stamp)
          ))
      }
      try db.inbox.delete(id: entry.id.bytes)
    }
    if !changes.isEmpty { try manifest.apply(db, changes: changes, clock: stamp.hlc) }
    return (changes.count, refused)
  }

  /// Opens and checks each row (of `only`, when given; at most `limit`).
  func reviewRows(_ db: StoreTransaction, only: Set<EntryID>?, limit: Int = .max) throws
    -> [InboxItem]
  {
    var items: [InboxItem] = []
    let wanted: ([UInt8]) -> Bool = { only?.contains(Self.entryID($0)) ?? true }
    try forEachInboxRow(db, where: wanted) { idBytes, opened in
      let id = Self.entryID(idBytes)
      switch opened {
      case .opened(let plaintext): items.append(Self.check(id: id, idBytes: idBytes, plaintext))
      case .refused(let problem): items.append(InboxItem(id: id, entry: nil, problem: problem))
      }
      return items.count < limit
    }
    return items
  }

  /// Calls `body` with each inbox row's id bytes, in id order, and the row opened with this
  /// journal's inbox key, or why it was not, for the rows `include` takes (nothing of the
  /// others is read); stops when `body` returns false. The one way
  /// inbox rows are read: a row's bytes are read only when it is a blob within what quick
  /// capture writes, so a hostile row costs no memory (SQLite gives a blob's length without
  /// reading it; a text's length counts characters), and one row at a time.
  func forEachInboxRow(
    _ db: StoreTransaction, where include: ([UInt8]) -> Bool = { _ in true },
    _ body: ([UInt8], OpenedInboxRow) throws -> Bool
  ) throws {
    for row in try db.inbox.shapes() {
      let idBytes = row.id
      guard include(idBytes) else { continue }
      let opened: OpenedInboxRow
      if !row.isBlob {
        opened = .refused(.doesNotOpen)
      } else if row.size > Inbox.maxSealedBytes {
        opened = .refused(.tooLarge(bytes: row.size))
      } else {
        let sealed = try db.inbox.sealed(id: idBytes)
        opened =
          Vault.openFromInbox(sealed, bundle: bundle).map(OpenedInboxRow.opened)
          ?? .refused(.doesNotOpen)
      }
      guard try body(idBytes, opened) else { return }
    }
  }

  /// The checks of an opened row: an entry Sotto reads, of a kind quick capture writes, with
  /// the row's id, that passes the checks typed input gets.
  static func check(id: EntryID, idBytes: [UInt8], _ plaintext: [UInt8]) -> InboxItem {
    guard let entry = RecordCodec.decodeInbox(plaintext) else {
      return InboxItem(id: id, entry: nil, problem: .unreadable)
    }
    guard Inbox.allowedKinds.contains(entry.kind) else {
      return InboxItem(id: id, entry: nil, problem: .kindNotAllowed(entry.kind))
    }
    guard entry.id.bytes == idBytes else {
      return InboxItem(id: id, entry: nil, problem: .idMismatch)
    }
    do { try entry.validate() } catch {
      // The entry is not handed on: its values are exactly what the checks keep out.
      return InboxItem(id: id, entry: nil, problem: .invalid("the \(error.field) \(error.problem)"))
    }
    return InboxItem(id: id, entry: entry, problem: nil)
  }
}
