// natural ships types for its package root and a few folders, not for the single files we import.
// Importing the root would load its storage back-ends (dotenv, adverts), so we declare just these.

declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const PorterStemmerFr: { stem(token: string): string };
  export default PorterStemmerFr;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_fr' {
  export default class AggressiveTokenizerFr {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}
