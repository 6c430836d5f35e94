"""The read-only web app (FastAPI + Jinja2 + htmx): the pages and the JSON API under ``/api``.

Both read the same ``views`` functions, so a page shows exactly what its API answer holds. The
database is opened read-only; every value reaches the page through Jinja's autoescaping (OCR text
is untrusted); pages load nothing but this app's own files, which the Content-Security-Policy
enforces; page images and originals are read only from inside the archive (``images``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.messages import label, language, t
from pipeline.settings import settings
from pipeline.store import export, queries
from pipeline.store.db import Store
from pipeline.web import chart, images, views
from schemas.web import DocumentsOverview, Evidence, ObligationPage, ProvinceDiff, SortKey, SortOrder

HERE = Path(__file__).parent
# The app's own files only: no inline script or style, no other origin, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FILTER_NAMES = ("agency", "role", "due_before", "due_after", "province", "document", "text")


@dataclass(frozen=True)
class ObligationQuery:
    """The home page's and the API's query string: the filters of ``vanban obligations``, the sort, the cursor."""

    agency: str | None = None
    role: str | None = None
    due_before: str | None = None
    due_after: str | None = None
    province: str | None = None
    document: str | None = None
    text: str | None = None
    sort: SortKey = "due"
    order: SortOrder = "asc"
    after: str | None = None
    before: str | None = None

    def filters(self) -> queries.Filters:
        """The filters, checked (a value that means nothing is a ``BadFilter``)."""
        return queries.Filters.parse(**{name: getattr(self, name) for name in FILTER_NAMES})

    def given(self) -> dict[str, str]:
        """The filters that are set, as they were typed (for links that keep them)."""
        return {name: value for name in FILTER_NAMES if (value := getattr(self, name))}


def _obligation_query(
    agency: Annotated[str | None, Query(description=t("web.param.agency"))] = None,
    role: Annotated[str | None, Query(description=t("web.param.role"))] = None,
    due_before: Annotated[str | None, Query(description=t("web.param.due"))] = None,
    due_after: Annotated[str | None, Query(description=t("web.param.due"))] = None,
    province: Annotated[str | None, Query(description=t("web.param.province"))] = None,
    document: Annotated[str | None, Query(description=t("web.param.document"))] = None,
    text: Annotated[str | None, Query(description=t("web.param.text"))] = None,
    sort: SortKey = "due",
    order: SortOrder = "asc",
    after: Annotated[str | None, Query(description=t("web.param.after"))] = None,
    before: Annotated[str | None, Query(description=t("web.param.before"))] = None,
) -> ObligationQuery:
    return ObligationQuery(agency, role, due_before, due_after, province, document, text, sort, order, after, before)


ObligationParams = Annotated[ObligationQuery, Depends(_obligation_query)]


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals.update(
        t=t,
        label=label,
        lang=language,
        header=export.header,
        day=queries.day_shown,
        plan_chart=chart.plan_chart,
    )
    env.filters["query"] = lambda params, **changes: urlencode(
        {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    )
    return Jinja2Templates(env=env)


def create_app(db_url: str | None = None, archive: Path | None = None, cache: Path | None = None) -> FastAPI:
    """The app over the database at ``db_url`` (opened read-only), showing originals from ``archive``
    and caching page images in ``cache`` (defaults: the settings' database, archive and home)."""
    store = Store.read_only(db_url)
    archive = Path(archive or settings().archive)
    cache = Path(cache or settings().home / "cache" / "pages")
    templates = _templates()
    app = FastAPI(
        title="vanban",
        summary=t("web.api_summary"),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN, which the CSP refuses
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(queries.BadFilter)
    async def bad_filter(request: Request, error: queries.BadFilter):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(error)}, status_code=400)
        return _page(request, "error.html", {"message": str(error)}, status_code=400)

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, error: views.NotFound):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": t("web.not_found")}, status_code=404)
        return _page(request, "error.html", {"message": t("web.not_found")}, status_code=404)

    # An address no route knows, or one whose parts do not parse (a number that is not one, an unknown
    # sort): FastAPI's own answers are English JSON, which the API keeps and a person gets as a page.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return await http_exception_handler(request, error)
        message = t("web.not_found") if error.status_code == 404 else t("web.error")
        return _page(request, "error.html", {"message": message}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_address(request: Request, error: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, error)
        return _page(request, "error.html", {"message": t("web.bad_address")}, status_code=422)

    def _page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context}, status_code)

    # ---------------------------------------------------------------------------------- the API

    @app.get("/api/obligations", response_model=ObligationPage, tags=["api"])
    def api_obligations(
        q: ObligationParams,
        limit: Annotated[int, Query(ge=1, le=views.PAGE_SIZE_MAX)] = views.PAGE_SIZE,
        facets: Annotated[bool, Query(description=t("web.param.facets"))] = False,
    ) -> ObligationPage:
        """Obligations filtered as by `vanban obligations`, one keyset page (forward with `after`,
        back with `before`), with the facet counts when `facets=true`."""
        return views.obligations(store, q.filters(), q.sort, q.order, q.after, q.before, limit, facets)

    @app.get("/api/evidence/{kind}/{fact_id}", response_model=Evidence, tags=["api"])
    def api_evidence(kind: str, fact_id: int) -> Evidence:
        """A fact with its page, its document, its copy and the document's other facts."""
        return views.evidence(store, kind, fact_id, archive)

    @app.get("/api/documents", response_model=DocumentsOverview, tags=["api"])
    def api_documents() -> DocumentsOverview:
        """The inbox ledger by state and every document with its versions and copies."""
        return views.documents(store, archive)

    @app.get("/api/diff", response_model=ProvinceDiff, tags=["api"])
    def api_diff(province: str | None = None) -> ProvinceDiff:
        """The plans of a province against the national trajectory, and the findings about them."""
        return views.province_diff(store, province)

    # -------------------------------------------------------------------------------- the pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: ObligationParams) -> HTMLResponse:
        result = api_obligations(q)  # the facets follow through /facets, loaded by the page
        return _page(request, "obligations.html", {"q": q, "given": q.given(), "result": result})

    @app.get("/facets", response_class=HTMLResponse, include_in_schema=False)
    def facets_fragment(request: Request, q: ObligationParams) -> HTMLResponse:
        counts = views.facets(store, q.filters())
        return _page(request, "facets.html", {"given": q.given(), "facets": counts})

    @app.get("/obligations.{fmt}", include_in_schema=False)
    def download(fmt: str, q: ObligationParams) -> Response:
        if fmt not in EXPORTS:
            raise views.NotFound(fmt)
        frame = views.export_frame(store, q.filters())
        with tempfile.TemporaryDirectory(prefix="vanban-web-") as folder:
            path = Path(folder) / f"nghia-vu.{fmt}"
            export.write(frame, fmt, path, title=t("kind.obligations.title"))
            data = path.read_bytes()
        disposition = f'attachment; filename="{path.name}"'
        return Response(data, media_type=EXPORTS[fmt], headers={"Content-Disposition": disposition})

    @app.get("/evidence/{kind}/{fact_id}", response_class=HTMLResponse, include_in_schema=False)
    def evidence_page(request: Request, kind: str, fact_id: int) -> HTMLResponse:
        return _page(request, "evidence.html", {"ev": api_evidence(kind, fact_id)})

    @app.get("/evidence/at/{document_id}", include_in_schema=False)
    def evidence_at(document_id: int, page: int | None = None, quote: str | None = None) -> RedirectResponse:
        kind, fact_id = views.fact_at(store, document_id, page, quote)
        return RedirectResponse(f"/evidence/{kind}/{fact_id}", status_code=303)

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request) -> HTMLResponse:
        return _page(request, "documents.html", {"overview": api_documents()})

    @app.get("/diff", response_class=HTMLResponse, include_in_schema=False)
    def diff_page(request: Request, province: str | None = None) -> HTMLResponse:
        return _page(request, "diff.html", {"diff": api_diff(province)})

    @app.get("/documents/{copy_id}/pages/{number}.png", include_in_schema=False)
    def page_image(copy_id: int, number: int) -> FileResponse:
        png = views.page_image(store, copy_id, number, archive, cache)
        return FileResponse(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})

    @app.get("/documents/{copy_id}/original", include_in_schema=False)
    def original(copy_id: int) -> FileResponse:
        found = images.archived_original(store, copy_id, archive)
        if found is None:
            raise views.NotFound(f"{copy_id}")
        return FileResponse(found, filename=found.name, content_disposition_type="attachment")

    return app


def serve(
    host: str = "127.0.0.1", port: int | None = None, db_url: str | None = None, archive: Path | None = None
) -> None:
    """Serve the app until interrupted (``vanban serve``; a service manager may call this too), on
    ``port`` or else the setting ``VANBAN_WEB_PORT`` (the port ``vanban server`` gives it)."""
    import uvicorn

    app = create_app(db_url, archive)
    port = settings().web_port if port is None else port
    print(t("web.serving", url=f"http://{host}:{port}/"), flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
