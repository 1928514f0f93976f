throw new Error('This module is server-only (database access or secrets) and cannot be imported from browser code.')
