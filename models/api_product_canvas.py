"""The API Product Canvas (Junker & Lazzaretti): the sync and async API of one bounded context."""

from pydantic import Field

from models.base import Name, RequiredText, StrictModel


class Operation(StrictModel):
    name: RequiredText = Field(description="e.g. 'GET /valuations/{id}' or 'requestValuation'")
    parameters: str = ""
    request: str = ""
    responses: str = ""


class Aggregate(StrictModel):
    name: RequiredText
    operations: list[Operation] = Field(default_factory=list)


class EventSpec(StrictModel):
    name: RequiredText
    payload: str = ""


class SyncApi(StrictModel):
    protocol: str = ""
    architecture_pattern: str = ""
    server: str = ""
    aggregates: list[Aggregate] = Field(default_factory=list)


class AsyncApi(StrictModel):
    protocol: str = ""
    architecture_pattern: str = ""
    broker: str = ""
    events_received: list[EventSpec] = Field(default_factory=list)
    events_sent: list[EventSpec] = Field(default_factory=list)


class ApiProductCanvas(StrictModel):
    bounded_context: Name = Field(description="The bounded context that publishes this API product.")
    version: str = ""
    contact: str = ""
    value_propositions: list[str] = Field(default_factory=list)
    core_functions: list[str] = Field(default_factory=list)
    sync_api: SyncApi = Field(default_factory=SyncApi)
    async_api: AsyncApi = Field(default_factory=AsyncApi)
    quality_requirements: list[str] = Field(default_factory=list)
    notes: str = ""
