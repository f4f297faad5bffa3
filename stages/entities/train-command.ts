import type { Command } from 'commander';

/** `newsnlp train ner` (issue 4): the trainer is being built; until then it says so. */
export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('train models on annotated data')
    .command('ner')
    .description('train an embedded NER model')
    .action(() => {
      throw new Error('train ner is not available in this build yet');
    });
}
