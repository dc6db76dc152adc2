extension Inventory {
    /// Positions in one of the inventory's arrays, in the order appended, held without an
    /// allocation of their own while there is only one: at mesh scale most service accounts
    /// and pod labels are one workload's, and an array each was megabytes of indexes.
    struct Positions: RandomAccessCollection, Equatable, Sendable {
        private enum Storage: Equatable, Sendable {
            case one(Int)
            case many([Int])
        }

        private var storage: Storage?

        /// No positions.
        init() {}

        /// Adds a position at the end.
        mutating func append(_ position: Int) {
            switch storage {
            case nil: storage = .one(position)
            case let .one(first): storage = .many([first, position])
            case var .many(all):
                storage = nil
                all.append(position)
                storage = .many(all)
            }
        }

        var startIndex: Int { 0 }

        var endIndex: Int {
            switch storage {
            case nil: 0
            case .one: 1
            case let .many(all): all.count
            }
        }

        subscript(index: Int) -> Int {
            switch storage {
            case let .one(position):
                precondition(index == 0, "position \(index) of one")
                return position
            case let .many(all):
                return all[index]
            case nil:
                preconditionFailure("position \(index) of none")
            }
        }
    }
}
