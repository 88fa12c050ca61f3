/// `heaptrack_print -f FILE -n 40 -s 10` output for the heap summary's tests, cut from a real profile of
/// `perf-memory --spec sessionCache` (heaptrack 1.4): a few entries of each ranking with their first frames,
/// and the totals. Paths are shortened; the layout is heaptrack's.
enum HeaptrackPrintFixture {
    static let sessionCache = #"""
        reading file "perf/results/profiles/heaptrack-sessionCache.zst" - please wait, this might take some time...
        Debuggee command was: /work/perf/.build-profile/release/perf-memory --spec sessionCache
        finished reading file, now analyzing data:

        MOST CALLS TO ALLOCATION FUNCTIONS
        292968 calls to allocation functions with 2.01M peak consumption from
        swift_slowAlloc
          in /opt/swift/usr/lib/swift/linux/libswiftCore.so
        29800 calls with 0B peak consumption from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_allocateStringStorage33_A317BBF16F3432B4D1DDED3E0452DA4DLL16codeUnitCapacitys02__bC0C_s01_N8AndFlagsABLLVtSi_tF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV23prepareForAppendInPlace33_408A76AB043BD3EFBAB6FAAAAA9B4914LL10totalCount09otherUTF8O0ySi_SitF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV6appendyys01_aB5SliceVF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss26DefaultStringInterpolationVs16TextOutputStreamssACP5writeyySSFTW
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSS5write2toyxz_ts16TextOutputStreamRzlFs26DefaultStringInterpolationV_Tg5
              at //<compiler-generated>:0
            $sSSs20TextOutputStreamablessAAP5write2toyqd__z_ts0aB6StreamRd__lFTWs26DefaultStringInterpolationV_Tg5
              at //<compiler-generated>:0
            $ss26DefaultStringInterpolationV06appendC0yyxs06CustomB11ConvertibleRzs20TextOutputStreamableRzlFSS_Tg5
              at //<compiler-generated>:0
            $s11DemoService14PrometheusPageV10appendName33_4857590C0464CA0A723512E3032658A8LLyySS_SaySS_SStGtF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:156
        25330 calls with 0B peak consumption from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_allocateStringStorage33_A317BBF16F3432B4D1DDED3E0452DA4DLL16codeUnitCapacitys02__bC0C_s01_N8AndFlagsABLLVtSi_tF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV23prepareForAppendInPlace33_408A76AB043BD3EFBAB6FAAAAA9B4914LL10totalCount09otherUTF8O0ySi_SitF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV6appendyys01_aB5SliceVF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss26DefaultStringInterpolationV13appendLiteralyySSF
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService14PrometheusPageV10appendName33_4857590C0464CA0A723512E3032658A8LLyySS_SaySS_SStGtF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:156
            $s11DemoService14PrometheusPageV6sampleyySS_SaySS_SStGs6UInt64VtF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:138
            $s11DemoServiceAAC17appendMetricsPage2toySays5UInt8VGz_tF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:28
            $s11DemoServiceAAC7respond5route6method4body4into8countersAB8ResponseVAA5RouteO_AA10HTTPMethodOSRys5UInt8VGSayAPGzAA12CounterBlockCtF
              at /work/perf/Sources/DemoService/DemoService.swift:131
              in /work/perf/.build-profile/release/perf-memory
        7470 calls with 1.19M peak consumption from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_ContiguousArrayBufferV20_consumeAndCreateNew14bufferIsUnique15minimumCapacity13growForAppendAByxGSb_SiSbtFs5UInt8V_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSa6append10contentsOfyqd__n_t7ElementQyd__RszSTRd__lFs5UInt8V_SRyAFGTg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService13StoredMessageC14replacePayload4withySRys5UInt8VG_tF
              at /work/perf/Sources/DemoService/StoredMessage.swift:19
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorC11makeMessage7payloadAA06StoredF0CSRys5UInt8VG_tF
              at /work/perf/Sources/DemoService/PooledAllocator.swift:109
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorCAA07HotPathD0A2aDP11makeMessage7payloadAA06StoredH0CSRys5UInt8VG_tFTW
              at //<compiler-generated>:107
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtFyAKXEfU_
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:23
              in /work/perf/.build-profile/release/perf-memory
            $sSa23withUnsafeBufferPointeryqd__qd__SRyxGqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFs5UInt8V_yts5NeverOTg5
              at //<compiler-generated>:0
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtF
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:20
        7450 calls with 0B peak consumption from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_ContiguousArrayBufferV20_consumeAndCreateNew14bufferIsUnique15minimumCapacity13growForAppendAByxGSb_SiSbtFSi_Tg5Tm
              in /work/perf/.build-profile/release/perf-memory
            $ss15ContiguousArrayV16_createNewBuffer14bufferIsUnique15minimumCapacity13growForAppendySb_SiSbtFs6UInt64V_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $ss15ContiguousArrayV15reserveCapacityyySiFs6UInt64V_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSlsE3mapySayqd__Gqd__7ElementQzqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFSnySiG_s6UInt64Vs5NeverOTg5
              at //<compiler-generated>:0
            $s11DemoService0B7MetricsC7latency5routeSays6UInt64VG7buckets_AG14sumNanosecondstAA5RouteO_tF
              at /work/perf/Sources/DemoService/ServiceMetrics.swift:71
            $s11DemoServiceAAC17appendMetricsPage2toySays5UInt8VGz_tF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:22
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoServiceAAC7respond5route6method4body4into8countersAB8ResponseVAA5RouteO_AA10HTTPMethodOSRys5UInt8VGSayAPGzAA12CounterBlockCtF
              at /work/perf/Sources/DemoService/DemoService.swift:131
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoServiceAAC7respond5route6method4body4intoAB8ResponseVAA5RouteO_AA10HTTPMethodOSRys5UInt8VGSayAOGztF
              at /work/perf/Sources/DemoService/DemoService.swift:98
        5960 calls with 0B peak consumption from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_allocateStringStorage33_A317BBF16F3432B4D1DDED3E0452DA4DLL16codeUnitCapacitys02__bC0C_s01_N8AndFlagsABLLVtSi_tF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV4growyySiF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $sSS12_createEmpty19withInitialCapacitySSSi_tFZ
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $ss26DefaultStringInterpolationV15literalCapacity18interpolationCountABSi_SitcfC
              at //<compiler-generated>:0
            $s11DemoService14PrometheusPageV6familyyySS_S2StF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:133
            $s11DemoServiceAAC16appendPoolSeries33_4857590C0464CA0A723512E3032658A8LL2toyAA14PrometheusPageVz_tF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:91
            $s11DemoServiceAAC17appendMetricsPage2toySays5UInt8VGz_tF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:40
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoServiceAAC7respond5route6method4body4into8countersAB8ResponseVAA5RouteO_AA10HTTPMethodOSRys5UInt8VGSayAPGzAA12CounterBlockCtF
              at /work/perf/Sources/DemoService/DemoService.swift:131
              in /work/perf/.build-profile/release/perf-memory
        41 calls with 0B peak consumption from:
            $s20FoundationEssentials12_ProcessInfoC11environmentSDyS2SGvgTf4d_n
              in /opt/swift/usr/lib/swift/linux/libFoundationEssentials.so
            perf_memory_main
              at /work/perf/Sources/perf-memory/main.swift:21
              in /work/perf/.build-profile/release/perf-memory
            __libc_start_call_main
              at ../sysdeps/nptl/libc_start_call_main.h:58
              in /lib/x86_64-linux-gnu/libc.so.6
            __libc_start_main_impl
              at ../csu/libc-start.c:360
              in /lib/x86_64-linux-gnu/libc.so.6
            _start
              in /work/perf/.build-profile/release/perf-memory
        1 calls with 15B peak consumption from:
            tzset_internal
              at ./time/tzset.c:402
              in /lib/x86_64-linux-gnu/libc.so.6
            __tz_convert
              at ./time/tzset.c:577
              in /lib/x86_64-linux-gnu/libc.so.6
            $s10PerfResult9TimestampO6format12epochSecondsSSSi_tFZTf4nd_n
              at /work/Packages/PerfResult/Sources/PerfResult/Timestamp.swift:19
              in /work/perf/.build-profile/release/perf-memory
            $s10PerfResult11EnvironmentV7capture4fromAcA0C6SourceV_tFZTf4nd_n
              at /work/Packages/PerfResult/Sources/PerfResult/Environment+Capture.swift:30
              in /work/perf/.build-profile/release/perf-memory
            $s10PerfResult11EnvironmentV7capture4fromAcA0C6SourceV_tFZ
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s10PerfResult11EnvironmentV7captureACyFZ
              at /work/Packages/PerfResult/Sources/PerfResult/Environment+Capture.swift:21
            perf_memory_main
              at /work/perf/Sources/perf-memory/main.swift:35
              in /work/perf/.build-profile/release/perf-memory
            __libc_start_call_main
              at ../sysdeps/nptl/libc_start_call_main.h:58
              in /lib/x86_64-linux-gnu/libc.so.6
            __libc_start_main_impl
              at ../csu/libc-start.c:360
              in /lib/x86_64-linux-gnu/libc.so.6

        PEAK MEMORY CONSUMERS
        2.01M peak memory consumed over 292968 calls from
        swift_slowAlloc
          in /opt/swift/usr/lib/swift/linux/libswiftCore.so
        1.19M consumed over 7470 calls from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_ContiguousArrayBufferV20_consumeAndCreateNew14bufferIsUnique15minimumCapacity13growForAppendAByxGSb_SiSbtFs5UInt8V_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSa6append10contentsOfyqd__n_t7ElementQyd__RszSTRd__lFs5UInt8V_SRyAFGTg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService13StoredMessageC14replacePayload4withySRys5UInt8VG_tF
              at /work/perf/Sources/DemoService/StoredMessage.swift:19
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorC11makeMessage7payloadAA06StoredF0CSRys5UInt8VG_tF
              at /work/perf/Sources/DemoService/PooledAllocator.swift:109
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorCAA07HotPathD0A2aDP11makeMessage7payloadAA06StoredH0CSRys5UInt8VG_tFTW
              at //<compiler-generated>:107
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtFyAKXEfU_
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:23
              in /work/perf/.build-profile/release/perf-memory
            $sSa23withUnsafeBufferPointeryqd__qd__SRyxGqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFs5UInt8V_yts5NeverOTg5
              at //<compiler-generated>:0
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtF
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:20
        296.96K consumed over 16 calls from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss18_DictionaryStorageC8allocate5scale3age4seedAByxq_Gs4Int8V_s5Int32VSgSiSgtFZ
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss17_NativeDictionaryV20_copyOrMoveAndResize8capacity12moveElementsySi_SbtF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $sSD15reserveCapacityyySiF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $s11DemoService7LRUListV8capacityACSi_tcfC
              at /work/perf/Sources/DemoService/SessionCache.swift:78
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService17SessionCacheShardC8capacityACSi_tcfc
              at /work/perf/Sources/DemoService/SessionCache.swift:58
            $s11DemoService17SessionCacheShardC8capacityACSi_tcfC
              at /work/perf/Sources/DemoService/SessionCache.swift:59
            $s11DemoService12SessionCacheC8capacityACSi_tcfcAA0cD5ShardCSiXEfU_
              at /work/perf/Sources/DemoService/SessionCache.swift:20
            $sSlsE3mapySayqd__Gqd__7ElementQzqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFSnySiG_11DemoService17SessionCacheShardCs5NeverOTg5
              at //<compiler-generated>:0
        131.58K consumed over 16 calls from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_ContiguousArrayBufferV20_consumeAndCreateNew14bufferIsUnique15minimumCapacity13growForAppendAByxGSb_SiSbtF11DemoService12SessionTokenV_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSa15reserveCapacityyySiF11DemoService12SessionTokenV_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService7LRUListV8capacityACSi_tcfC
              at /work/perf/Sources/DemoService/SessionCache.swift:79
            $s11DemoService17SessionCacheShardC8capacityACSi_tcfc
              at /work/perf/Sources/DemoService/SessionCache.swift:58
            $s11DemoService17SessionCacheShardC8capacityACSi_tcfC
              at /work/perf/Sources/DemoService/SessionCache.swift:59
            $s11DemoService12SessionCacheC8capacityACSi_tcfcAA0cD5ShardCSiXEfU_
              at /work/perf/Sources/DemoService/SessionCache.swift:20
            $sSlsE3mapySayqd__Gqd__7ElementQzqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFSnySiG_11DemoService17SessionCacheShardCs5NeverOTg5
              at //<compiler-generated>:0
            $s11DemoService12SessionCacheC8capacityACSi_tcfc
              at /work/perf/Sources/DemoService/SessionCache.swift:20
        131.10K consumed over 4097 calls from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $s11DemoService13StoredMessageC7payloadACSays5UInt8VG_tcfC
              at Sources/DemoService/StoredMessage.swift:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorC13configuration12strictChecksAcA0B13ConfigurationV_SbSgtcfcAA13StoredMessageCyYbYTcfU1_
              at /work/perf/Sources/DemoService/PooledAllocator.swift:51
            $s7Pooling4PoolC12_acquireSlowxyF11DemoService13DecodeScratchC_Tg5Tm
              in /work/perf/.build-profile/release/perf-memory
            $s7Pooling4PoolC7acquirexyF11DemoService13StoredMessageC_Tg5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorC11makeMessage7payloadAA06StoredF0CSRys5UInt8VG_tF
              at /work/perf/Sources/DemoService/PooledAllocator.swift:108
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService15PooledAllocatorCAA07HotPathD0A2aDP11makeMessage7payloadAA06StoredH0CSRys5UInt8VG_tFTW
              at //<compiler-generated>:107
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtFyAKXEfU_
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:23
              in /work/perf/.build-profile/release/perf-memory
            $sSa23withUnsafeBufferPointeryqd__qd__SRyxGqd_0_YKXEqd_0_YKs5ErrorRd_0_r0_lFs5UInt8V_yts5NeverOTg5
              at //<compiler-generated>:0
        36.86K consumed over 128 calls from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_ContiguousArrayBufferV19_uninitializedCount15minimumCapacityAByxGSi_SitcfC
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $sSa22_allocateUninitializedySayxG_SpyxGtSiFZ11DemoService13StoredMessageCSg_Tt0g5
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSa9repeating5countSayxGx_SitcfC11DemoService13StoredMessageCSg_Tt1g5Tf4gn_n
              at //<compiler-generated>:0
            $sSa9repeating5countSayxGx_SitcfC11DemoService13StoredMessageCSg_Tt1g5
              at /work/perf/Sources/DemoService/TopicStore.swift:0
              in /work/perf/.build-profile/release/perf-memory
            $s11DemoService11MessageRingV8capacityACSi_tcfC
              at /work/perf/Sources/DemoService/TopicStore.swift:97
            $s11DemoService10TopicStoreC6append5topic7messageAC13AppendOutcomeOSRys5UInt8VG_AA13StoredMessageCtFAhA0C10ShardStateVzYuYTXEfU_
              at /work/perf/Sources/DemoService/TopicStore.swift:50
            $s11DemoService10TopicStoreC6append5topic7messageAC13AppendOutcomeOSRys5UInt8VG_AA13StoredMessageCtF
              at /work/perf/Sources/DemoService/TopicStore.swift:42
            $s11DemoServiceAAC8messages4body4into8countersAB8ResponseVSRys5UInt8VG_SayAJGzAA12CounterBlockCtFyAKXEfU_
              at /work/perf/Sources/DemoService/DemoService+Messages.swift:25
              in /work/perf/.build-profile/release/perf-memory

        MOST TEMPORARY ALLOCATIONS
        159568 temporary allocations of 292968 allocations in total (54.47%) from
        swift_slowAlloc
          in /opt/swift/usr/lib/swift/linux/libswiftCore.so
        29800 temporary allocations of 29800 allocations in total (100.00%) from:
            swift_allocObject
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss22_allocateStringStorage33_A317BBF16F3432B4D1DDED3E0452DA4DLL16codeUnitCapacitys02__bC0C_s01_N8AndFlagsABLLVtSi_tF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV23prepareForAppendInPlace33_408A76AB043BD3EFBAB6FAAAAA9B4914LL10totalCount09otherUTF8O0ySi_SitF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss11_StringGutsV6appendyys01_aB5SliceVF
              in /opt/swift/usr/lib/swift/linux/libswiftCore.so
            $ss26DefaultStringInterpolationVs16TextOutputStreamssACP5writeyySSFTW
              at //<compiler-generated>:0
              in /work/perf/.build-profile/release/perf-memory
            $sSS5write2toyxz_ts16TextOutputStreamRzlFs26DefaultStringInterpolationV_Tg5
              at //<compiler-generated>:0
            $sSSs20TextOutputStreamablessAAP5write2toyqd__z_ts0aB6StreamRd__lFTWs26DefaultStringInterpolationV_Tg5
              at //<compiler-generated>:0
            $ss26DefaultStringInterpolationV06appendC0yyxs06CustomB11ConvertibleRzs20TextOutputStreamableRzlFSS_Tg5
              at //<compiler-generated>:0
            $s11DemoService14PrometheusPageV10appendName33_4857590C0464CA0A723512E3032658A8LLyySS_SaySS_SStGtF
              at /work/perf/Sources/DemoService/DemoService+MetricsPage.swift:156


        total runtime: 1.45s.
        calls to allocation functions: 293330 (202436/s)
        temporary memory allocations: 159571 (110124/s)
        peak heap memory consumption: 2.01M
        peak RSS (including heaptrack overhead): 19.36M
        total memory leaked: 11.07K
        suppressed leaks: 52B

        """#
}
