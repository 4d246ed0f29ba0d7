#!/bin/sh
# prisma generate only needs the schema engine to exist; migrations are SQL files applied by src/migrate.ts.
echo "schema engine stub: not available offline" >&2
exit 1
