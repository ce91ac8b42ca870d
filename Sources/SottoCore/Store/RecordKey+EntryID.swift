import SottoModel
import SottoStorage

extension RecordKey {
  /// The key of an entry's record.
  init(_ id: EntryID) {
    self.init(id.bytes)
  }
}
