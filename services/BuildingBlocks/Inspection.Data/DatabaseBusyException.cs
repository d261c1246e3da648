namespace Inspection.Data;

/// <summary>
/// Every pooled connection stayed in use for as long as a call may wait for one (Npgsql's Timeout). The database is
/// there and answering, only busy: the caller may try again shortly, and readiness does not change.
/// </summary>
public sealed class DatabaseBusyException(Exception inner)
    : Exception("Every database connection of this copy stayed busy for as long as a call may wait; retry shortly", inner);
