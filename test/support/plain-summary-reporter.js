/**
 * Ends the run with one plain line, `N passed, N failed` (and `N skipped`), which CI tools that do not
 * know Jest's own summary can read.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : '');
    // After Jest's own summary, so it is the run's last line.
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}

module.exports = PlainSummaryReporter;
