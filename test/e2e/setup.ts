// The e2e tests compute expected results with the domain in Node; rubrics load on demand there too.
import { RUBRIC_IDS, loadRubric } from '../../src/domain/rubric/registry';

await Promise.all(RUBRIC_IDS.map(loadRubric));
