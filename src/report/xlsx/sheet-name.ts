/** Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel refuses a file with them). */
export const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
