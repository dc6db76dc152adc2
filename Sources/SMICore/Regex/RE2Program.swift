/// A compiled pattern: a Thompson NFA run by simulating all its states at once, so matching
/// takes time linear in the text (times the program size) whatever the pattern, as RE2
/// guarantees.
///
/// There are no captures: the access models only need yes or no.
struct RE2Program: Sendable {
    enum Instruction: Sendable {
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case assert(RE2Assertion)
        case match
    }

    /// RE2 refuses programs larger than this (nested counted repetitions explode).
    static let maxInstructions = 100_000

    private(set) var instructions: [Instruction] = []
    private(set) var sets: [RE2CharacterSet] = []

    /// Whether the empty string matches inside a multi-byte character.
    ///
    /// RE2 runs on UTF-8 bytes: between two bytes of one character neither side is a word
    /// character, no line or text edge is near, so `\B` holds there and a search can find an
    /// empty match.
    private(set) var matchesEmptyInsideCharacter = false

    init(_ node: RE2Node) throws(RE2Error) {
        try emit(node)
        instructions.append(.match)
        var probe = StateSet(capacity: instructions.count)
        add(0, at: 1, in: [0x80, 0x80], to: &probe)
        matchesEmptyInsideCharacter = probe.containsMatch
    }

    private mutating func append(_ instruction: Instruction) throws(RE2Error) -> Int {
        if instructions.count >= Self.maxInstructions {
            throw RE2Error("expression too large", at: 0)
        }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RE2Node) throws(RE2Error) {
        switch node {
        case .empty:
            break
        case let .set(set):
            sets.append(set)
            _ = try append(.set(sets.count - 1))
        case let .assertion(a):
            _ = try append(.assert(a))
        case let .concat(items):
            for item in items { try emit(item) }
        case let .alternate(branches):
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = try append(.split(0, 0))
                    try emit(branch)
                    jumps.append(try append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { instructions[j] = .jump(instructions.count) }
        case let .repetition(body, min, max):
            for _ in 0..<min { try emit(body) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(try append(.split(0, 0)))
                    try emit(body)
                }
                for s in splits { instructions[s] = .split(s + 1, instructions.count) }
            } else {
                let loop = try append(.split(0, 0))
                try emit(body)
                _ = try append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        }
    }

    /// Whether the program accepts `text`: entirely (`full`), from its start on with
    /// anything after (`prefix`), or anywhere (`search`).
    func matches(_ text: String, anchoring: RE2Regex.Anchoring) -> Bool {
        let input = text.unicodeScalars.map(\.value)
        if anchoring == .search && matchesEmptyInsideCharacter && input.contains(where: { $0 >= 0x80 }) {
            return true
        }
        var current = StateSet(capacity: instructions.count)
        var next = StateSet(capacity: instructions.count)
        add(0, at: 0, in: input, to: &current)
        var position = 0
        while true {
            if current.containsMatch && (anchoring != .full || position == input.count) { return true }
            if position == input.count { return false }
            let c = input[position]
            next.clear()
            for pc in current.members {
                if case let .set(k) = instructions[pc], sets[k].contains(c) {
                    add(pc + 1, at: position + 1, in: input, to: &next)
                }
            }
            position += 1
            if anchoring == .search { add(0, at: position, in: input, to: &next) }
            swap(&current, &next)
            if current.members.isEmpty && anchoring != .search { return false }
        }
    }

    /// Adds `pc` and every state reachable from it without consuming text at `position`.
    private func add(_ pc: Int, at position: Int, in input: [UInt32], to set: inout StateSet) {
        var stack = [pc]
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            switch instructions[pc] {
            case let .split(a, b):
                stack.append(b)
                stack.append(a)
            case let .jump(target):
                stack.append(target)
            case let .assert(a):
                if Self.holds(a, at: position, in: input) { stack.append(pc + 1) }
            case .match:
                set.containsMatch = true
            case .set:
                break
            }
        }
    }

    static func holds(_ assertion: RE2Assertion, at position: Int, in input: [UInt32]) -> Bool {
        let before: UInt32? = position > 0 ? input[position - 1] : nil
        let after: UInt32? = position < input.count ? input[position] : nil
        switch assertion {
        case .beginText: return before == nil
        case .endText: return after == nil
        case .beginLine: return before == nil || before == 10
        case .endLine: return after == nil || after == 10
        case .wordBoundary, .notWordBoundary:
            let boundary = isWord(before) != isWord(after)
            return assertion == .wordBoundary ? boundary : !boundary
        }
    }

    private static func isWord(_ c: UInt32?) -> Bool {
        c.map { RE2CharacterSet.word.contains($0) } ?? false
    }

    /// States of the simulation: a sparse set (constant-time insert, clear and iteration in
    /// insertion order).
    private struct StateSet {
        private var sparse: [Int]
        private(set) var members: [Int] = []
        var containsMatch = false

        init(capacity: Int) {
            sparse = Array(repeating: 0, count: capacity)
            members.reserveCapacity(capacity)
        }

        mutating func insert(_ pc: Int) -> Bool {
            let k = sparse[pc]
            if k < members.count && members[k] == pc { return false }
            sparse[pc] = members.count
            members.append(pc)
            return true
        }

        mutating func clear() {
            members.removeAll(keepingCapacity: true)
            containsMatch = false
        }
    }
}
