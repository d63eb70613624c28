from idc_desktop.domain.timing import PhaseClock, Stopwatch, clock_text


def test_stopwatch_counts_only_while_running() -> None:
    watch = Stopwatch()
    watch.start(10.0)
    watch.pause(15.0)
    watch.start(100.0)
    assert watch.elapsed(102.5) == 7.5
    watch.start(101.0)  # starting twice does not restart
    assert watch.elapsed(102.5) == 7.5


def test_phase_clock_overruns_and_extends() -> None:
    clock = PhaseClock(budget=120.0, watch=Stopwatch())
    clock.watch.start(0.0)
    assert clock.remaining(60.0) == 60.0
    assert clock.remaining(150.0) == -30.0
    clock.extend(60)
    assert clock.remaining(150.0) == 30.0


def test_clock_text() -> None:
    assert clock_text(425) == "07:05"
    assert clock_text(0.2) == "00:01"
    assert clock_text(0) == "00:00"
    assert clock_text(-72) == "+01:12"
    assert clock_text(3725) == "1:02:05"
