import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

#if canImport(Glibc)
  import Glibc
#endif

/// A journal file, opened but not unlocked: enough to check it, capture to its inbox, or wipe it.
///
/// Unlocking with the passphrase gives an ``UnlockedJournal``, which reads and writes entries.
public final class Journal: Sendable {
  /// The journal file's absolute path.
  public let path: String
  let database: StoreFile
  let header: JournalHeader

  private init(path: String, database: StoreFile, header: JournalHeader) {
    self.path = path
    self.database = database
    self.header = header
  }

  /// Whether `urge` and `use` may be logged without the passphrase.
  public var quickCaptureEnabled: Bool { header.quickCapture }
  /// The Argon2id settings of this journal.
  public var kdfParameters: KDFParameters { header.kdf }
  /// The format version of the file.
  public var formatVersion: UInt32 { header.formatVersion }

  // MARK: Creating

  /// Creates a new, empty journal at `path`.
  ///
  /// The folder is created with mode 0700 if missing, the file with 0600. Derives the key (the
  /// slow step), draws a fresh key bundle and writes the header, all in one transaction.
  /// - Throws: ``SottoError/Code/journalExists`` when a file is already there.
  public static func create(
    at path: String, passphrase: Passphrase, kdf: KDFParameters = .moderate,
    quickCapture: Bool = true
  ) throws(SottoError) -> Journal {
    // The keys are made once the file is claimed: `init` over an existing journal fails at
    // once instead of after the key derivation.
    try createFile(at: path) { () throws(SottoError) in
      try NewKeys(passphrase: passphrase, kdf: kdf, quickCapture: quickCapture)
    }
  }

  /// The keys and header of a journal not yet written: generating them runs the slow key
  /// derivation, so a restore prepares them while it reads the backup.
  public final class NewKeys: Sendable {
    let header: JournalHeader
    let bundle: KeyBundle

    /// Generates a key bundle and wraps it under a key derived from `passphrase`.
    public init(passphrase: Passphrase, kdf: KDFParameters, quickCapture: Bool = true)
      throws(SottoError)
    {
      try Sodium.ensureInitialized()
      let bundle = try KeyBundle.generate()
      var header = JournalHeader(
        formatVersion: JournalHeader.formatVersion, journalID: Sodium.randomBytes(16), kdf: kdf,
        salt: Sodium.randomBytes(Vault.saltBytes), envelopeNonce: [], envelope: [],
        inboxPublicKey: bundle.inboxPublicKey, quickCapture: quickCapture)
      try header.wrap(bundle, passphrase: passphrase)
      self.header = header
      self.bundle = bundle
    }
  }

  /// Creates a journal as ``create(at:passphrase:kdf:quickCapture:)`` does, with keys made
  /// beforehand, and returns it unlocked (a restore fills it at once).
  public static func createUnlocked(at path: String, keys: NewKeys) throws(SottoError)
    -> UnlockedJournal
  {
    let journal = try createFile(at: path) { () throws(SottoError) in keys }
    return UnlockedJournal(journal: journal, header: journal.header, bundle: keys.bundle)
  }

  /// Creates the file (never over an existing one), then its contents with the keys `keys`
  /// gives; removes the file again on any failure.
  private static func createFile(
    at path: String, keys: () throws(SottoError) -> NewKeys
  ) throws(SottoError) -> Journal {
    try Sodium.ensureInitialized()
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    var isFolder: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw SottoError(
          .storage, "The folder \(folder) could not be created. Check that you may write there.")
      }
    } else if !isFolder.boolValue {
      throw SottoError(.storage, "\(folder) is not a folder, so the journal cannot go there.")
    }
    // O_EXCL: never take over a file that appeared meanwhile.
    let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      if errno == EEXIST {
        throw SottoError(
          .journalExists,
          "A journal already exists at \(path). Nothing was changed. To start over, run "
            + "`sotto wipe` first, or choose another place with --journal PATH.")
      }
      throw SottoError(
        .storage,
        "The journal file \(path) could not be created (\(String(cString: strerror(errno))).")
    }
    Glibc.close(descriptor)
    do {
      return try createContents(at: path, keys: try keys())
    } catch {
      for file in [path] + JournalLocation.companionFiles(of: path) { unlink(file) }
      throw error
    }
  }

  private static func createContents(at path: String, keys: NewKeys) throws(SottoError)
    -> Journal
  {
    let bundle = keys.bundle
    let finalHeader = keys.header
    do {
      let database = try StoreFile(path: path)
      try database.create(
        applicationID: JournalHeader.applicationID, formatVersion: JournalHeader.formatVersion,
        objects: Schema.objects
      ) { db in
        try finalHeader.insert(db)
        try Manifest(header: finalHeader, key: bundle.recordKey)
          .rebuild(db, items: [], kept: Manifest.newHead(writeCounter: 1))
      }
      return Journal(path: path, database: database, header: finalHeader)
    } catch {
      throw .storage(error, path: path)
    }
  }

  // MARK: Opening

  /// Opens the journal at `path` and checks that it is a Sotto journal this version can read.
  ///
  /// Reads only the plaintext header; no passphrase is needed and nothing is written.
  public static func open(at path: String) throws(SottoError) -> Journal {
    try Sodium.ensureInitialized()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw SottoError(
        .journalNotFound,
        "There is no journal at \(path). Create one with `sotto init`, or point to yours with "
          + "--journal PATH or $SOTTO_JOURNAL.")
    }
    guard !isFolder.boolValue else {
      throw SottoError(.notAJournal, "\(path) is a folder, not a Sotto journal file.")
    }
    guard access(path, R_OK) == 0 else {
      throw SottoError(
        .storage, "The journal at \(path) cannot be read: check its owner and permissions.")
    }
    do {
      let database = try StoreFile(path: path)
      let header = try database.read { db in try readHeader(db) }
      // After the header, so that a file that is not a journal is reported as such.
      try checkPrivateMode(path)
      return Journal(path: path, database: database, header: header)
    } catch {
      throw .storage(error, path: path)
    }
  }

  /// Refuses a journal file that other users may read or write (any group or other permission
  /// bit): they could copy it to guess the passphrase offline, or change it. Sotto creates it
  /// 0600, so such a mode was set by something else; the message gives the fix.
  static func checkPrivateMode(_ path: String) throws(SottoError) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw SottoError(
        .storage,
        "The journal at \(path) can be read or changed by other users (mode "
          + "\(String(format: "%04o", mode))). No entry was read. Fix with: chmod 600 \(path)")
    }
  }

  static func readHeader(_ db: StoreTransaction) throws -> JournalHeader {
    let applicationID = try db.applicationID()
    guard applicationID == JournalHeader.applicationID else {
      throw SottoError.notAJournal("it is not marked as a Sotto file")
    }
    let version = try db.formatVersion()
    if version > Int(JournalHeader.formatVersion) {
      throw SottoError(
        .newerFormat,
        "This journal was written by a newer version of Sotto (format \(version); this version "
          + "reads format \(JournalHeader.formatVersion)). Update Sotto to open it. Nothing was "
          + "changed.")
    }
    guard let objects = Schema.objects(version: UInt32(max(version, 0))) else {
      throw SottoError.notAJournal("its format version is not one Sotto wrote")
    }
    guard try db.schemaObjects() == StoreTransaction.describe(objects) else {
      throw SottoError.notAJournal(
        "its tables differ from a Sotto journal's: it may have been altered by another program")
    }
    let rows = try db.header.rows()
    guard rows.count == 1, let row = rows.first else {
      throw SottoError.notAJournal("the header row is missing")
    }
    guard let header = JournalHeader(row: row) else {
      throw SottoError.notAJournal("a header field has the wrong type")
    }
    guard header.formatVersion == UInt32(version) else {
      throw SottoError.notAJournal("the format versions disagree")
    }
    try header.validate()
    return header
  }

  // MARK: Unlocking

  /// Derives the key from `passphrase` (the slow step) and unwraps the key bundle.
  ///
  /// Then, in one transaction, moves any quick-capture inbox entries into records and, unless
  /// `check` is false, checks the manifest's head and one random bucket of it (a 256th of the
  /// records' ids and tags) against the records table (see
  /// ``UnlockedJournal/integrityAtUnlock``). Commands that read every entry pass `false`:
  /// ``UnlockedJournal/contents()`` makes the full check anyway, in the same pass.
  /// - Parameters:
  ///   - passphrase: the journal's passphrase.
  ///   - check: check the manifest's head and a sample of it now.
  ///
  /// A format-1 journal is first converted to format 2, in one transaction
  /// (``UnlockedJournal/migration`` says what was done); `migratingDamaged` converts one whose
  /// records fail their checks, leaving behind those that do not open.
  /// - Throws: ``SottoError/Code/wrongPassphrase`` with nothing read or written.
  public func unlock(
    _ passphrase: Passphrase, check: Bool = true, migratingDamaged: Bool = false
  ) throws(SottoError) -> UnlockedJournal {
    try unlock(passphrase, check: check, migratingDamaged: migratingDamaged, sample: nil)
  }

  /// ``unlock(_:check:migratingDamaged:)``, checking manifest bucket `sample` at
  /// unlock (a random one when `nil`): tests choose the bucket they tampered with.
  func unlock(
    _ passphrase: Passphrase, check: Bool, migratingDamaged: Bool, sample: Int?
  ) throws(SottoError) -> UnlockedJournal {
    // Reading every record while the key is derived (for commands that read them all) saved
    // about 40 ms at 100,000 entries, too little for its weight: it is gone.
    let kek = try Vault.deriveKEK(
      passphrase: passphrase, salt: header.salt, parameters: header.kdf)
    guard
      let unwrapped = try Vault.openSecret(
        nonce: header.envelopeNonce, ciphertext: header.envelope, key: kek,
        associatedData: header.envelopeAssociatedData)
    else { throw .wrongPassphrase }
    let bundle = try KeyBundle.from(unwrapped: unwrapped)
    guard bundle.inboxPublicKey == header.inboxPublicKey else {
      throw .notAJournal("the inbox key does not belong to this journal's keys")
    }
    var journal = self
    var migration: Format1Migration?
    if header.formatVersion == 1 {
      let migrated = try migrate(bundle: bundle, kek: kek, leavingDamaged: migratingDamaged)
      journal = Journal(path: path, database: database, header: migrated.header)
      migration = migrated.migration
    }
    let unlocked = UnlockedJournal(journal: journal, header: journal.header, bundle: bundle)
    unlocked.noteMigration(migration)
    try unlocked.prepare(check: check, sample: sample)
    return unlocked
  }

  /// Converts this format-1 journal to format 2 in one transaction, then truncates the log so
  /// no page of the old records lingers there. Another process that converted it first wins:
  /// its header is read and used.
  private func migrate(bundle: KeyBundle, kek: SecureBytes, leavingDamaged: Bool)
    throws(SottoError) -> (header: JournalHeader, migration: Format1Migration?)
  {
    let header = self.header
    let result: (JournalHeader, Format1Migration?)
    do {
      result = try database.write { db in
        let current = try Self.readHeader(db)
        if current.formatVersion != 1 { return (current, nil) }
        guard current == header else { throw SottoError.concurrentChangeOfKeys }
        return try Format1.migrate(
          db, header: header, bundle: bundle, kek: kek, leavingDamaged: leavingDamaged)
      }
      try database.checkpoint()
    } catch {
      throw .storage(error, path: path)
    }
    return result
  }

  // MARK: Quick capture

  /// Seals an entry to the journal's inbox key: no passphrase needed, and nobody can read it
  /// back without one. It becomes an ordinary record at the next unlock.
  /// - Returns: the new entry, with ``EntrySource/quickCapture``.
  public func capture(_ body: EntryBody, at time: Timestamp) throws(SottoError) -> Entry {
    guard header.quickCapture else {
      throw SottoError(
        .invalidInput,
        "Quick capture is off for this journal, so logging needs the passphrase. Turn it on with "
          + "`sotto config quick-capture on`.")
    }
    let entry = Entry(
      id: EntryID(bytes: Sodium.randomBytes(16))!, at: time, source: .quickCapture, body: body)
    guard Inbox.allowedKinds.contains(entry.kind) else {
      throw SottoError(
        .invalidInput, "Quick capture logs urges and uses only; this needs the passphrase.")
    }
    do { try entry.validate() } catch { throw SottoError(.invalidInput, error.description) }
    // A journal not yet migrated gets format 1's padding, which its migration reads.
    let plaintext = RecordCodec.encodeInbox(entry, format1: header.formatVersion == 1)
    guard plaintext.count <= Inbox.maxPlaintextBytes else {
      throw SottoError(
        .invalidInput,
        "This entry is too long for quick capture (over \(Inbox.maxPlaintextBytes / 1024) KiB "
          + "in all). Nothing was written; log it with --unlock.")
    }
    let sealed = try Vault.sealToInbox(plaintext, publicKey: header.inboxPublicKey)
    do {
      try database.write { db in
        try db.inbox.insert(id: entry.id.bytes, sealed: sealed)
      }
    } catch {
      throw .storage(error, path: path)
    }
    return entry
  }

  /// The number of quick-capture entries waiting for the next unlock.
  public func inboxCount() throws(SottoError) -> Int {
    do {
      return try database.read { db in try db.inbox.count() }
    } catch {
      throw .storage(error, path: path)
    }
  }
}

extension JournalHeader {
  /// The header in `row`; `nil` when a field is missing, of another type or out of range.
  init?(row: StoredRow) {
    guard let magic = row.text("magic"), magic == Self.magic,
      let version = row.integer("format_version"),
      let id = row.blob("journal_id"),
      let algorithm = row.integer("kdf_algorithm"),
      let ops = row.integer("kdf_opslimit"),
      let mem = row.integer("kdf_memlimit"),
      let salt = row.blob("kdf_salt"),
      let nonce = row.blob("envelope_nonce"),
      let envelope = row.blob("envelope"),
      let inbox = row.blob("inbox_public_key"),
      let quick = row.integer("quick_capture"),
      (0...Int64(UInt32.max)).contains(version), (0...Int64(Int32.max)).contains(algorithm),
      ops >= 0, mem >= 0, quick == 0 || quick == 1
    else { return nil }
    self.init(
      formatVersion: UInt32(version), journalID: id,
      kdf: KDFParameters(algorithm: Int32(algorithm), opsLimit: UInt64(ops), memLimit: UInt64(mem)),
      salt: salt, envelopeNonce: nonce, envelope: envelope, inboxPublicKey: inbox,
      quickCapture: quick == 1)
  }

  /// The header as its row: what ``init(row:)`` reads back.
  var row: StoredRow {
    StoredRow([
      "magic": .text(Self.magic), "format_version": .integer(Int64(formatVersion)),
      "journal_id": .blob(journalID), "kdf_algorithm": .integer(Int64(kdf.algorithm)),
      "kdf_opslimit": .integer(Int64(kdf.opsLimit)), "kdf_memlimit": .integer(Int64(kdf.memLimit)),
      "kdf_salt": .blob(salt), "envelope_nonce": .blob(envelopeNonce),
      "envelope": .blob(envelope), "inbox_public_key": .blob(inboxPublicKey),
      "quick_capture": .integer(quickCapture ? 1 : 0),
    ])
  }

  func insert(_ db: StoreTransaction) throws {
    try db.header.write(row)
  }

  /// Wraps `bundle` under the key derived from `passphrase`, with a fresh nonce.
  mutating func wrap(_ bundle: KeyBundle, passphrase: Passphrase) throws(SottoError) {
    let kek = try Vault.deriveKEK(passphrase: passphrase, salt: salt, parameters: kdf)
    try rewrap(bundle, kek: kek)
  }

  /// Wraps `bundle` under an already derived key (after a change to bound header fields).
  mutating func rewrap(_ bundle: KeyBundle, kek: SecureBytes) throws(SottoError) {
    let plaintext = try bundle.serialized()
    let sealed = Vault.seal(secret: plaintext, key: kek, associatedData: envelopeAssociatedData)
    envelopeNonce = sealed.nonce
    envelope = sealed.ciphertext
  }
}
