"""Reading made cheaper reads the same: each replacement against the code it replaced."""

import os
import pickle
import re
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest import run
from store.ingest.discover import SourceFile, read_bytes
from store.ingest.readers import markdown
from store.records import Contact, Link, Person, Release, Source

# The heading pattern the reader matched every heading line with before.
_OLD_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")

# Lines made of the characters a heading's pattern turns on, and a few others.
_LINE = st.text(alphabet=st.sampled_from("# \t#a#b\u00a0\r*x"), max_size=24)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINE)
def test_heading_reads_as_the_pattern(line: str) -> None:
    line = line.strip()  # the reader gives it stripped lines, one at a time
    match = _OLD_ATX_HEADING.match(line)
    assert markdown._heading(line) == (match is not None, match.group(1) if match else None)


def test_heading_examples() -> None:
    for line, words in [
        ("# Title", "Title"),
        ("# Title #", "Title"),
        ("## Title ##", "Title"),
        ("# Title##", "Title##"),
        ("# Title \t# #", "Title \t#"),
        ("# #", "#"),
        ("#  ##", "##"),
        ("###", None),
    ]:
        assert markdown._heading(line) == (True, words), line
    for line in ["#Title", "####### Title", "", "Title #"]:
        assert markdown._heading(line) == (False, None), line


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("]:![(&#_*\n ab’"), max_size=60),
    st.sampled_from(["]:", "![", "](", "&#", "**", "__", "\n\n\n"]),
)
def test_has_is_in(text: str, needle: str) -> None:
    assert markdown._has(text, needle) == (needle in text)


def test_read_bytes_reads_what_a_file_object_reads(tmp_path: Path) -> None:
    for size in [1, 4095, 4096, 70_000]:
        path = tmp_path / f"f{size}.md"
        data = os.urandom(size)
        path.write_bytes(data)
        with open(path, "rb") as handle:
            assert read_bytes(SourceFile(str(path), "md")) == handle.read() == data


def test_a_parsed_file_crosses_without_its_job_and_gets_it_back() -> None:
    release = Release(
        id="0123456789abcdef",
        title="T",
        body="b",
        source=Source("/x.md", "md"),
        people=(Person("Jane Doe", "CEO"),),
        contacts=(Contact(name="J", email="j@example.org"),),
        links=(Link("l", "https://example.org"),),
    )
    job = run._Job(SourceFile("/x.md", "md"), None, None)
    parsed = run._Parsed(job, run.ParseResult(releases=[release], files=1), "d", False)
    sent = pickle.loads(bytes(ForkingPickler.dumps([parsed])))
    assert sent[0].job is None  # not pickled: the importer has it
    back = run._with_jobs(sent, [job])
    assert back[0].job is job
    assert back[0].result.releases == [release]
    assert back[0].result.releases[0].fingerprint == release.fingerprint
    # The job crosses to a worker as its values, and comes out equal.
    assert pickle.loads(bytes(ForkingPickler.dumps(job))) == job
