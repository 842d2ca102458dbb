"""Language: text normalisation and sentences, the domain lexicon (jieba with entities, aliases,
units), and script conversion that keeps names. Everything above reads Chinese through it."""
