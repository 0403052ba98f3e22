"""The API Product Canvas (Junker & Lazzaretti): header, business row, sync | async, footer row."""

from canvases.definition import Box, CanvasDef, Column, FieldDef, FieldKind, SectionDef

F = FieldKind
_EVENT_COLUMNS = (Column("name", "Event"), Column("payload", "Payload", F.LONG_TEXT))

API_PRODUCT_CANVAS = CanvasDef(
    key="api_product",
    title="API Product Canvas",
    collection="api_products",
    name_field="bounded_context",
    attribution="API Product Canvas by Annegret Junker and Fabrizio Lazzaretti",
    licence="From 'Crafting Great APIs with Domain-Driven Design' (Apress, 2025)",
    source_url="https://miro.com/miroverse/api-product-canvas",
    aspect=1.414,
    sections=(
        SectionDef(
            "header",
            "Header",
            "Which bounded context publishes this API, in which version, and who is the contact?",
            (
                FieldDef("bounded_context", "Bounded context", F.CONTEXT),
                FieldDef("version", "Version", F.TEXT, "Version of the API and its events."),
                FieldDef("contact", "Contact", F.TEXT, "Product owner, workshop facilitator or team address."),
            ),
            Box(0.01, 0.01, 0.98, 0.08),
            "header",
            columns=3,
        ),
        SectionDef(
            "value_propositions",
            "Value Propositions",
            "What value does this bounded context's API offer its consumers?",
            (FieldDef("value_propositions", "Value Propositions", F.LIST, columns=(Column("value", "Value"),)),),
            Box(0.01, 0.10, 0.485, 0.15),
            "business",
        ),
        SectionDef(
            "core_functions",
            "Core Functions",
            "Which functions of the bounded context does the API make available?",
            (FieldDef("core_functions", "Core Functions", F.LIST, columns=(Column("value", "Function"),)),),
            Box(0.505, 0.10, 0.485, 0.15),
            "business",
        ),
        SectionDef(
            "sync_api",
            "Synchronous API",
            "Protocol (e.g. HTTP), architecture pattern (e.g. resource-oriented), server base URL, and "
            "for each aggregate its operations with parameters, request and responses.",
            (
                FieldDef("sync_api.protocol", "Sync protocol", F.TEXT),
                FieldDef("sync_api.architecture_pattern", "Architecture pattern", F.TEXT),
                FieldDef("sync_api.server", "Server", F.TEXT, "Base URL of the API server."),
                FieldDef(
                    "sync_api.aggregates",
                    "Aggregates and operations",
                    F.OPERATIONS,
                    columns=(
                        Column("aggregate", "Aggregate"),
                        Column("name", "Operation"),
                        Column("parameters", "Parameters"),
                        Column("request", "Request", F.LONG_TEXT),
                        Column("responses", "Responses", F.LONG_TEXT),
                    ),
                ),
            ),
            Box(0.01, 0.26, 0.485, 0.52),
            "sync",
        ),
        SectionDef(
            "async_api",
            "Asynchronous API",
            "Protocol (e.g. Kafka), architecture pattern (e.g. event-driven), broker URL, and the "
            "domain events received and sent, each with its payload.",
            (
                FieldDef("async_api.protocol", "Async protocol", F.TEXT),
                FieldDef("async_api.architecture_pattern", "Architecture pattern", F.TEXT),
                FieldDef("async_api.broker", "Server (broker)", F.TEXT, "Leave empty when there is no broker."),
                FieldDef("async_api.events_received", "Events received", F.TABLE, columns=_EVENT_COLUMNS),
                FieldDef("async_api.events_sent", "Events sent", F.TABLE, columns=_EVENT_COLUMNS),
            ),
            Box(0.505, 0.26, 0.485, 0.52),
            "async",
        ),
        SectionDef(
            "quality_requirements",
            "Quality Requirements",
            "Which quality requirements hold for this API: availability, latency, limits, security?",
            (
                FieldDef(
                    "quality_requirements", "Quality Requirements", F.LIST, columns=(Column("value", "Requirement"),)
                ),
            ),
            Box(0.01, 0.79, 0.485, 0.19),
            "footer",
        ),
        SectionDef(
            "notes",
            "Notes",
            "Anything else specific to this bounded context's API.",
            (FieldDef("notes", "Notes", F.LONG_TEXT),),
            Box(0.505, 0.79, 0.485, 0.19),
            "footer",
        ),
    ),
    region_colours={
        "header": "#37474f",
        "business": "#fff3c4",
        "sync": "#d6e9ff",
        "async": "#ffe2cc",
        "footer": "#eceff1",
    },
)
