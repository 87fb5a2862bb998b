import { main } from './cli';

// The `framelens` executable: the only place that sets the exit code, so tests can import `main`.
process.exitCode = main(process.argv.slice(2));
