/// What the TLS side of an `https://` run measured: connection set-up times, handshakes full and resumed, and
/// why handshakes or connections failed. Counts and histograms add up exactly across threads and processes.
public struct TLSStatistics: Sendable, Hashable {
    /// How the server's certificate was checked (`TLSSettings.verificationText`).
    public var verification: String
    /// Whether reconnecting connections offered their previous session.
    public var resumption: Bool
    /// The protocol negotiated (`TLSv1.3`); several separated by `, ` after a merge of differing runs.
    public var protocolVersion: String?
    /// TCP connect times (from `connect` to the connection being established) of connections made in the window.
    public var connectTime = LatencyHistogram()
    /// Handshake times (from the connection being established to the end of the TLS handshake) in the window.
    public var handshakeTime = LatencyHistogram()
    /// Full handshakes completed in the window.
    public var fullHandshakes: UInt64 = 0
    /// Handshakes completed in the window that resumed a session.
    public var resumedHandshakes: UInt64 = 0
    /// The TLS errors (`ErrorCounts.tls`) by reason: `certificate verify failed: …`, `alert received: …`, ….
    public var failureReasons: [String: UInt64] = [:]

    /// Statistics with nothing counted yet.
    public init(verification: String, resumption: Bool) {
        self.verification = verification
        self.resumption = resumption
    }

    /// Handshakes completed in the window, full and resumed.
    public var handshakes: UInt64 { fullHandshakes + resumedHandshakes }

    /// Both as one: counts and histograms add, reasons add by text.
    public func merged(with other: TLSStatistics) -> TLSStatistics {
        var merged = self
        if verification != other.verification { merged.verification = "\(verification) + \(other.verification)" }
        merged.resumption = resumption || other.resumption
        switch (protocolVersion, other.protocolVersion) {
        case let (mine?, theirs?) where mine != theirs: merged.protocolVersion = "\(mine), \(theirs)"
        case (nil, let theirs): merged.protocolVersion = theirs
        default: break
        }
        merged.connectTime.merge(other.connectTime)
        merged.handshakeTime.merge(other.handshakeTime)
        merged.fullHandshakes += other.fullHandshakes
        merged.resumedHandshakes += other.resumedHandshakes
        merged.failureReasons.merge(other.failureReasons, uniquingKeysWith: +)
        return merged
    }
}

extension LoadResult {
    /// Handshakes completed per second of the window (0 without TLS).
    public var handshakesPerSecond: Double { rate(tls?.handshakes ?? 0) }
    /// Full handshakes per second of the window.
    public var fullHandshakesPerSecond: Double { rate(tls?.fullHandshakes ?? 0) }
    /// Resumed handshakes per second of the window.
    public var resumedHandshakesPerSecond: Double { rate(tls?.resumedHandshakes ?? 0) }

    private func rate(_ count: UInt64) -> Double {
        windowNs == 0 ? 0 : Double(count) / (Double(windowNs) / 1e9)
    }
}
