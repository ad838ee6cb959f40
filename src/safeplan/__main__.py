from safeplan.cli.main import main

raise SystemExit(main())
