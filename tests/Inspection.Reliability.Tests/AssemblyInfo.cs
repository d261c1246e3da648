// Each test runs five real processes and a PostgreSQL cluster or two on a small machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
