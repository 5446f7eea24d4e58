"""`newslint lsp` driven over stdio by a real LSP client (pytest-lsp, on pygls), as an editor drives
it: a workspace whose `.newslint.yaml` declares the seed story set (tests/fixtures/seeds, five
outlets' reports of the Trump-Putin meeting at the G20), drafts opened, edited, hovered and fixed.
Run by tests/lsp.sh; NEWSLINT names the binary."""

import asyncio
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "tests" / "fixtures" / "seeds"
NEWSLINT = os.environ.get("NEWSLINT", str(REPO / "target" / "release" / "newslint"))
CONFIG = 'stories: [{name: g20, paths: ["g20/**"]}]\n'


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(CONFIG)
    (tmp_path / "g20").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / "g20" / seed.name)
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[NEWSLINT, "lsp"]),
    params=["visual-studio-code", "neovim"],
)
async def client(lsp_client: LanguageClient, workspace, request):
    capabilities = client_capabilities(request.param)
    # Accept the server's request to watch the config and drafts, as the editors do.
    lsp_client.feature(t.CLIENT_REGISTER_CAPABILITY)(lambda _params: None)
    result = await lsp_client.initialize_session(
        t.InitializeParams(
            capabilities=capabilities,
            workspace_folders=[t.WorkspaceFolder(uri=workspace.as_uri(), name="copy")],
        )
    )
    offered = capabilities.general and capabilities.general.position_encodings or []
    lsp_client.encoding = "utf-8" if "utf-8" in offered else "utf-16"
    assert result.capabilities.position_encoding == lsp_client.encoding
    yield
    await lsp_client.shutdown_session()


def column(line: str, byte_column: int, encoding: str) -> int:
    before = line.encode()[:byte_column]
    return len(before) if encoding == "utf-8" else len(before.decode().encode("utf-16-le")) // 2


def position(text: str, offset: int, encoding: str) -> t.Position:
    before = text.encode()[:offset].decode()
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return t.Position(line, column(before[start:], len(before[start:].encode()), encoding))


def offset_of(text: str, needle: str, encoding: str) -> t.Position:
    return position(text, len(text[: text.index(needle)].encode()), encoding)


async def diagnostics(client: LanguageClient, uri: str, version: int):
    """The next diagnostics published for `uri` at `version` (others are skipped)."""

    async def wait():
        while True:
            p = await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if p.uri == uri and p.version == version:
                return p.diagnostics

    return await asyncio.wait_for(wait(), timeout=30)


def open_draft(client: LanguageClient, path: Path, text: str | None = None):
    text = path.read_text() if text is None else text
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=path.as_uri(), language_id="plaintext", version=1, text=text)
        )
    )
    return text


def cli(workspace: Path, relative: str):
    out = subprocess.run(
        [NEWSLINT, "check", "--format", "json", relative],
        cwd=workspace,
        capture_output=True,
        text=True,
    )
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def codes(found):
    return sorted(d.code for d in found)


@pytest.mark.asyncio
async def test_every_seed_draft_gets_the_findings_of_newslint_check(client, workspace):
    """One code path: each draft's diagnostics are `newslint check --format json` on the file,
    code for code and range for range, discrepancies across the story set included."""
    for seed in sorted((workspace / "g20").glob("*.txt")):
        text = open_draft(client, seed)
        found = await diagnostics(client, seed.as_uri(), 1)
        expected = [
            (d["code"], position(text, d["start"], client.encoding), position(text, d["end"], client.encoding))
            for d in cli(workspace, f"g20/{seed.name}")
        ]
        got = [(d.code, d.range.start, d.range.end) for d in found]
        assert sorted(got, key=str) == sorted(expected, key=str), seed.name
        assert found, seed.name


@pytest.mark.asyncio
async def test_edit_hover_fix_and_a_second_draft(client, workspace):
    first = workspace / "g20" / "000_f1e3116a09d4a900.txt"
    uri = first.as_uri()
    # The first draft alone of its set on disk: the others are elsewhere for now.
    for other in (workspace / "g20").glob("00[1-4]*.txt"):
        other.rename(workspace / other.name)
    text = open_draft(client, first)
    found = await diagnostics(client, uri, 1)
    assert codes(found) == ["NL010", "NL011", "NL012", "NL201"]
    hedge = next(d for d in found if d.code == "NL201")
    assert hedge.severity == t.DiagnosticSeverity.Warning
    assert "obviously" in hedge.message and "help: " in hedge.message

    # An edit: `The men obviously had good chemistry` loses its adverb.
    start = offset_of(text, "obviously ", client.encoding)
    end = t.Position(start.line, start.character + len("obviously "))
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [t.TextDocumentContentChangePartial(range=t.Range(start, end), text="")],
        )
    )
    text = text.replace("obviously ", "", 1)
    assert codes(await diagnostics(client, uri, 2)) == ["NL010", "NL011", "NL012"]

    # Hover on a source: who said what, after the curly quotes and em dashes before it.
    hover = await client.text_document_hover_async(
        t.HoverParams(t.TextDocumentIdentifier(uri), offset_of(text, "Lavrov stated", client.encoding))
    )
    assert "speaker: **Lavrov**" in hover.contents.value
    assert "cue: `stated`" in hover.contents.value
    assert hover.range.start == offset_of(text, "Lavrov stated", client.encoding)

    # A code action: suppress `Anonymous U.S. officials` (NL010) with a reason to fill in.
    vague = offset_of(text, "Anonymous U.S. officials", client.encoding)
    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            t.TextDocumentIdentifier(uri),
            t.Range(vague, vague),
            t.CodeActionContext(diagnostics=[]),
        )
    )
    suppress = next(a for a in actions if a.title.startswith("Suppress NL010"))
    assert suppress.kind == t.CodeActionKind.QuickFix
    assert suppress.diagnostics and suppress.diagnostics[0].code == "NL010"
    (edit,) = suppress.edit.changes[uri]
    assert edit.new_text == "[newslint-disable-next-line NL010 -- reason]\n"
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(uri=uri, version=3),
            [t.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)],
        )
    )
    assert codes(await diagnostics(client, uri, 3)) == ["NL011", "NL012"]

    # A second draft of the story, not yet saved: it spells the minister `Sergei Lavrov`.
    second = workspace / "g20" / "003_c4404504afc26fe5.txt"
    open_draft(client, second, (workspace / second.name).read_text())
    found = await diagnostics(client, second.as_uri(), 1)
    (variant,) = [d for d in found if d.code == "NL103"]
    assert "Sergei Lavrov" in variant.message
    (other,) = variant.related_information
    assert other.location.uri == uri
    assert other.location.range.start == offset_of(text, "Sergey Lavrov", client.encoding)


@pytest.mark.asyncio
async def test_the_config_is_reloaded_when_it_changes(client, workspace):
    draft = workspace / "g20" / "000_f1e3116a09d4a900.txt"
    open_draft(client, draft)
    assert "NL201" in codes(await diagnostics(client, draft.as_uri(), 1))
    config = workspace / ".newslint.yaml"
    config.write_text(CONFIG + "ignore: [NL201]\n")
    client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams([t.FileEvent(config.as_uri(), t.FileChangeType.Changed)])
    )
    assert "NL201" not in codes(await diagnostics(client, draft.as_uri(), 1))


@pytest.mark.asyncio
async def test_a_burst_of_edits_is_checked_at_its_last_version(client, workspace):
    draft = workspace / "g20" / "000_f1e3116a09d4a900.txt"
    text = open_draft(client, draft)
    await diagnostics(client, draft.as_uri(), 1)
    for version in range(2, 7):
        client.text_document_did_change(
            t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=draft.as_uri(), version=version),
                [t.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    published = []

    async def until_the_last():
        while not published or published[-1] != 6:
            p = await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            published.append(p.version)

    await asyncio.wait_for(until_the_last(), timeout=30)
    # Five edits sent at once: the copy never rested between them.
    assert len(published) < 5, published
